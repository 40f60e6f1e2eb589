import Foundation
import RACore
import RAHTTP
import RAServer
import RATestSupport
import RAWire
import Testing

/// The STS query API on `/` honouring the issued credentials: GetCallerIdentity and STS's errors,
/// rendered as STS renders them.
struct STSTests {
    /// Credentials issued over the wire, read back from the 201 body as a client would.
    static func issue(_ world: TestWorld) throws -> HMACCredentials {
        let response = world.respond(try world.request())
        try #require(response.status == 201, "body: \(response.text)")
        let set = try #require(try response.jsonObject()["credentialSet"] as? [[String: Any]])
        let credentials = try #require(set.first?["credentials"] as? [String: String])
        let accessKeyId = try #require(credentials["accessKeyId"])
        let secret = try #require(credentials["secretAccessKey"])
        let token: String = try #require(credentials["sessionToken"])
        return HMACCredentials(accessKeyID: accessKeyId, secretAccessKey: secret, sessionToken: token)
    }

    @Test("GetCallerIdentity returns the assumed-role ARN named after the certificate serial")
    func getCallerIdentity() throws {
        let world = try TestWorld()
        let credentials = try Self.issue(world)
        let response = world.respond(try world.calls.getCallerIdentity(credentials, at: world.now + 30))
        try #require(response.status == 200, "body: \(response.text)")
        #expect(response.header("Content-Type") == "text/xml")
        let requestId = try #require(response.header("x-amzn-RequestId"))
        let serial = world.client.certificate.serialNumber.hexString
        #expect(response.text == "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetCallerIdentityResult>"
            + "<Arn>arn:aws:sts::123456789012:assumed-role/EdgeBackupRole/\(serial)</Arn>"
            + "<UserId>AROAEXAMPLEEDGEBACKUP:\(serial)</UserId><Account>123456789012</Account></GetCallerIdentityResult>"
            + "<ResponseMetadata><RequestId>\(requestId)</RequestId></ResponseMetadata></GetCallerIdentityResponse>")
    }

    @Test("GetCallerIdentity works with credentials for a custom roleSessionName")
    func customSessionName() throws {
        let world = try TestWorld()
        try world.updateProfile { $0.acceptRoleSessionName = true }
        let response = world.respond(try world.request(roleSessionName: "nightly-backup"))
        let set = try #require(try response.jsonObject()["credentialSet"] as? [[String: Any]])
        let c = try #require(set.first?["credentials"] as? [String: String])
        let credentials = HMACCredentials(accessKeyID: c["accessKeyId"] ?? "", secretAccessKey: c["secretAccessKey"] ?? "",
                                          sessionToken: c["sessionToken"])
        let answer = world.respond(try world.calls.getCallerIdentity(credentials, at: world.now))
        #expect(answer.text.contains("<Arn>arn:aws:sts::123456789012:assumed-role/EdgeBackupRole/nightly-backup</Arn>"))
    }

    @Test("STS errors render as query-protocol XML with STS's codes and messages", arguments: [
        ("no token", 403, "InvalidClientTokenId", "The security token included in the request is invalid."),
        ("forged token", 403, "InvalidClientTokenId", "The security token included in the request is invalid."),
        ("wrong secret", 403, "SignatureDoesNotMatch",
         "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details."),
        ("expired", 400, "ExpiredToken", "The security token included in the request is expired"),
        ("unknown action", 400, "InvalidAction", "Could not find operation AssumeRoot for version 2011-06-15"),
        ("unsigned", 403, "MissingAuthenticationToken", "Request is missing Authentication Token"),
    ])
    func errors(_ kind: String, _ status: Int, _ code: String, _ message: String) throws {
        let world = try TestWorld()
        let credentials = try Self.issue(world)
        var at = world.now
        let request: HTTPRequest
        switch kind {
        case "no token": request = try world.calls.getCallerIdentity(credentials, at: at, breaking: [.sessionToken(nil)])
        case "forged token":
            request = try world.calls.getCallerIdentity(credentials, at: at, breaking: [.sessionToken(Data(repeating: 1, count: 80).base64EncodedString())])
        case "wrong secret": request = try world.calls.getCallerIdentity(credentials, at: at, breaking: [.secret("x" + credentials.secretAccessKey)])
        case "expired":
            at = world.now + 3600
            request = try world.calls.getCallerIdentity(credentials, at: at)
        case "unknown action": request = try world.calls.call(action: "AssumeRoot", credentials, at: at)
        default: request = try world.calls.getCallerIdentity(credentials, at: at, breaking: [.header("Authorization", nil)])
        }
        let response = world.application(at: at).respond(to: request)
        #expect(response.status == status)
        #expect(response.header("Content-Type") == "text/xml")
        let requestId = try #require(response.header("x-amzn-RequestId"))
        #expect(response.text == stsErrorXML(code: code, message: message, requestId: requestId))
        #expect(response.header("X-Amzn-ErrorType") == nil)
    }

    @Test("each STS call leaves one audit record, naming the caller on success and the denial otherwise")
    func audited() throws {
        let world = try TestWorld()
        let credentials = try Self.issue(world)
        _ = world.respond(try world.calls.getCallerIdentity(credentials, at: world.now))
        _ = world.respond(try world.calls.getCallerIdentity(credentials, at: world.now, breaking: [.tamperedSignature]))
        let records = try world.auditRecords().filter { $0.eventSource == "sts.amazonaws.com" }
        try #require(records.count == 2)
        let serial = world.client.certificate.serialNumber.hexString
        #expect(records[0].eventName == "GetCallerIdentity")
        #expect(records[0].principal == "arn:aws:sts::123456789012:assumed-role/EdgeBackupRole/\(serial)")
        #expect(records[0].errorCode == nil)
        #expect(records[1].errorCode == "SignatureDoesNotMatch")
        #expect(records[1].denialReason?.hasPrefix("HMAC signature mismatch for ") == true)
    }

    @Test("no audit record, CreateSession or STS, holds the secret access key or the session token")
    func auditHasNoSecrets() throws {
        let world = try TestWorld()
        let credentials = try Self.issue(world)
        _ = world.respond(try world.calls.getCallerIdentity(credentials, at: world.now))
        _ = world.respond(try world.calls.getCallerIdentity(credentials, at: world.now, breaking: [.secret("nope")]))
        _ = world.application(at: world.now + 7200).respond(to: try world.calls.getCallerIdentity(credentials, at: world.now + 7200))
        let lines = try world.auditRecords().map { try $0.jsonLine() }
        #expect(lines.count == 4)
        let token = try #require(credentials.sessionToken)
        for line in lines {
            #expect(!line.contains(credentials.secretAccessKey))
            #expect(!line.contains(token))
            #expect(!line.contains(String(token.prefix(24))))
        }
        #expect(lines.contains { $0.contains(credentials.accessKeyID) })
    }
}
