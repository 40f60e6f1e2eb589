import Foundation
import RACore
import RACrypto
import RAHTTP
import RAServer
import RATestSupport
import RAWire
import Testing

/// The STS endpoint's protocol rules: the API version it requires, and that even the transport's
/// refusals on `/` come back as query-protocol XML.
struct STSProtocolTests {
    /// An STS form call with an arbitrary body, signed with issued credentials.
    static func signed(_ body: String, _ credentials: HMACCredentials, at date: Date) throws -> HTTPRequest {
        let host = "sts.us-east-1.amazonaws.com"
        let headers: [(name: String, value: String)] = [("Host", host), ("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")]
        let signer = RequestSigner(credentials: .hmac(credentials), region: "us-east-1", service: "sts")
        let signedRequest = try signer.sign(SignableRequest(method: "POST", path: "/", headers: headers, body: Array(body.utf8)),
                                            host: host, date: date)
        return HTTPRequest(method: "POST", rawURI: "/", headers: signedRequest.applied(to: headers), body: Array(body.utf8))
    }

    @Test("a Version other than 2011-06-15 (or none) is InvalidAction naming it", arguments: [
        ("Action=GetCallerIdentity&Version=2011-06-16", "Could not find operation GetCallerIdentity for version 2011-06-16"),
        ("Action=GetCallerIdentity", "Could not find operation GetCallerIdentity for version NO_VERSION_SPECIFIED"),
        ("Action=AssumeRoot&Version=2099-01-01", "Could not find operation AssumeRoot for version 2099-01-01"),
    ])
    func version(_ body: String, _ message: String) throws {
        let world = try TestWorld()
        let credentials = try STSTests.issue(world)
        let response = world.respond(try Self.signed(body, credentials, at: world.now))
        #expect(response.status == 400)
        #expect(response.header("Content-Type") == "text/xml")
        let requestId = try #require(response.header("x-amzn-RequestId"))
        #expect(response.text == stsErrorXML(code: "InvalidAction", message: message, requestId: requestId))
        let record = try #require(try world.auditRecords().last)
        #expect(record.eventSource == "sts.amazonaws.com")
        #expect(record.errorCode == "InvalidAction")
        #expect(record.errorMessage == message)
    }

    @Test("Version=2011-06-15 is answered")
    func currentVersion() throws {
        let world = try TestWorld()
        let credentials = try STSTests.issue(world)
        let response = world.respond(try Self.signed("Action=GetCallerIdentity&Version=2011-06-15", credentials, at: world.now))
        #expect(response.status == 200, "\(response.text)")
    }

    @Test("an oversized body on / is refused in STS's XML, and audited as an STS event")
    func oversizedSTS() throws {
        let world = try TestWorld()
        let request = HTTPRequest(method: "POST", rawURI: "/", headers: [("User-Agent", "big/1"), ("Content-Length", "2097152")],
                                  remoteAddress: "127.0.0.5")
        let response = world.application(at: world.now).respondToOversizedBody(request, limit: 1_048_576)
        #expect(response.status == 413)
        #expect(response.header("Content-Type") == "text/xml")
        #expect(response.header("X-Amzn-ErrorType") == nil)
        let requestId = try #require(response.header("x-amzn-RequestId"))
        #expect(response.text == stsErrorXML(code: "ValidationError", message: "Request body exceeds the limit of 1048576 bytes",
                                             requestId: requestId))
        let records = try world.auditRecords()
        try #require(records.count == 1)
        #expect(records[0].eventSource == "sts.amazonaws.com")
        #expect(records[0].eventName == "Unknown")
        #expect(records[0].errorCode == "ValidationError")
        #expect(records[0].userAgent == "big/1")
        #expect(records[0].sourceIPAddress == "127.0.0.5")
    }

    @Test("an oversized body with Action in the query is audited under that action")
    func oversizedSTSNamedAction() throws {
        let world = try TestWorld()
        let request = HTTPRequest(method: "POST", rawURI: "/?Action=GetCallerIdentity&Version=2011-06-15")
        let response = world.application(at: world.now).respondToOversizedBody(request, limit: 10)
        #expect(response.header("Content-Type") == "text/xml")
        #expect(try world.auditRecords().map(\.eventName) == ["GetCallerIdentity"])
    }

    @Test("an oversized body elsewhere than / keeps the rest-json shape")
    func oversizedElsewhere() throws {
        let world = try TestWorld()
        let response = world.application(at: world.now).respondToOversizedBody(HTTPRequest(method: "POST", rawURI: "/other"), limit: 10)
        try expectJSONError(response, status: 413, code: "ValidationException", message: "Request body exceeds the limit of 10 bytes")
    }
}
