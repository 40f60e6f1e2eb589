import Foundation
import RACore
import RACrypto
import RAHTTP
import RATestSupport
import Testing

/// Every CreateSession leaves exactly one audit record: who (serial in hex and decimal), what was
/// asked, and for a refusal the code and the operator-facing reason; never a secret.
struct AuditTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        /// nil: the request is granted.
        let errorCode: String?
        let prepare: @Sendable (TestWorld) throws -> HTTPRequest
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "granted", errorCode: nil) { try $0.request() },
        Case(name: "bad signature", errorCode: "AccessDeniedException") { try $0.request(breaking: [.tamperedSignature]) },
        Case(name: "untrusted leaf", errorCode: "AccessDeniedException") { world in
            try world.request(from: try world.leaf { $0.keyUsage = nil })
        },
        Case(name: "roleSessionName not allowed", errorCode: "AccessDeniedException") { try $0.request(roleSessionName: "job") },
        Case(name: "duration out of range", errorCode: "ValidationException") { try $0.request(durationSeconds: 60) },
        Case(name: "unknown profile", errorCode: "ResourceNotFoundException") { world in
            var factory = world.requests
            factory.profileArn = "arn:aws:rolesanywhere:us-east-1:123456789012:profile/00000000-0000-4000-8000-000000000000"
            return try factory.request(signedBy: world.client, at: world.now)
        },
        Case(name: "trust policy denies", errorCode: "AccessDeniedException") { world in
            try world.request(from: try world.leaf("CN=edge-02,OU=Elsewhere,O=Example Corp"))
        },
        Case(name: "stale signature", errorCode: "AccessDeniedException") { try $0.request(skew: -900) },
    ]

    @Test("one record per request, with the certificate serial in hex and decimal", arguments: cases)
    func oneRecord(_ testCase: Case) throws {
        let world = try TestWorld()
        let request = try testCase.prepare(world)
        let outcome = world.send(request)
        let records = try world.auditRecords()
        try #require(records.count == 1)
        let record = records[0]
        let leaf = try #require(try Self.leaf(of: request))
        #expect(record.certificate?.serialNumberHex == leaf.serialNumber.hexString)
        #expect(record.certificate?.serialNumberDecimal == leaf.serialNumber.decimalString)
        #expect(record.certificate?.subject == leaf.subject.rfc4514)
        #expect(record.certificate?.issuer == leaf.issuer.rfc4514)
        #expect(record.eventName == "CreateSession")
        #expect(record.eventSource == "rolesanywhere.amazonaws.com")
        #expect(record.eventTime == world.now)
        #expect(record.awsRegion == "us-east-1")
        #expect(record.sourceIPAddress == "192.0.2.10")
        #expect(record.userAgent == "CredHelper/1.7.0 (go1.24.1; linux; amd64)")
        #expect(record.errorCode == testCase.errorCode)
        switch outcome {
        case .success(let result):
            #expect(testCase.errorCode == nil)
            #expect(record.denialReason == nil)
            #expect(record.responseElements?["accessKeyId"] == result.credentials.accessKeyId)
            #expect(record.responseElements?["assumedRoleArn"] == result.grant.assumedRoleArn)
            #expect(record.responseElements?["roleSessionName"] == leaf.serialNumber.hexString)
            #expect(record.responseElements?["durationSeconds"] == "3600")
        case .failure(let failure):
            #expect(record.errorMessage == failure.message)
            #expect(record.denialReason == failure.reason)
            #expect(record.denialReason?.isEmpty == false)
            #expect(record.responseElements == nil)
        }
    }

    @Test("the ARNs asked for are recorded once the parameters parse")
    func requestParameters() throws {
        let world = try TestWorld()
        _ = world.send(try world.request(durationSeconds: 900))
        let record = try #require(try world.auditRecords().first)
        #expect(record.requestParameters["trustAnchorArn"] == world.trustAnchor.trustAnchorArn)
        #expect(record.requestParameters["profileArn"] == world.profile.profileArn)
        #expect(record.requestParameters["roleArn"] == world.role.arn)
        #expect(record.requestParameters["durationSeconds"] == "900")
    }

    @Test("a request whose certificate cannot be read is still recorded, without certificate details")
    func unreadableCertificate() throws {
        let world = try TestWorld()
        _ = world.send(try world.request(breaking: [.header("X-Amz-X509", "@@@")]))
        let records = try world.auditRecords()
        #expect(records.count == 1)
        #expect(records.first?.certificate == nil)
        #expect(records.first?.errorCode == "ValidationException")
        #expect(records.first?.denialReason == "X-Amz-X509 is not valid base64")
    }

    @Test("n requests leave n records, in order")
    func sequence() throws {
        let world = try TestWorld()
        let service = world.service()
        for skew in [0.0, -1000, 1, 2000, 2] {
            _ = service.handle(CreateSessionRequest(try world.request(skew: skew)))
        }
        let records = try world.auditRecords()
        #expect(records.map { $0.errorCode == nil } == [true, false, true, false, true])
    }

    @Test("no record holds the secret access key, the session token or the private key")
    func noSecrets() throws {
        let world = try TestWorld()
        try world.updateProfile { $0.acceptRoleSessionName = true }
        var secrets: [String] = [try world.client.key.pkcs8PEM()]
        for request in [try world.request(), try world.request(roleSessionName: "job-1"), try world.request(durationSeconds: 900)] {
            let result = try world.granted(request)
            secrets += [result.credentials.secretAccessKey, result.credentials.sessionToken]
        }
        _ = world.send(try world.request(breaking: [.tamperedSignature]))
        let records = try world.auditRecords()
        #expect(records.count == 4)
        let lines = try records.map { try $0.jsonLine() }
        for secret in secrets {
            #expect(!lines.contains { $0.contains(secret) })
            // Also the JSON-escaped form (a '/' in a secret would be written as '\/' by other encoders).
            #expect(!lines.contains { $0.contains(secret.replacingOccurrences(of: "/", with: "\\/")) })
        }
        #expect(lines.allSatisfy { $0.contains("\"serialNumberDecimal\":\"\(world.client.certificate.serialNumber.decimalString)\"") })
    }

    static func leaf(of request: HTTPRequest) throws -> Certificate? {
        guard let header = request.header("X-Amz-X509"), let der = Data(base64Encoded: header) else { return nil }
        return try Certificate(der: Array(der))
    }
}
