import Foundation
import RACore
import RAHTTP
import RAServer
import RATestSupport
import Testing

/// Whatever arrives, the server answers with a 4xx in AWS's shape and keeps running: random bytes
/// in every header, huge header values, broken JSON, JSON of the wrong types, odd URIs.
struct GarbageInputTests {
    /// Text as a transport might hand over arbitrary bytes: decoded leniently as UTF-8.
    static func garbage(_ generator: inout SeededGenerator, count: Int) -> String {
        String(decoding: generator.bytes(count), as: UTF8.self)
    }

    @Test("random bytes in each header of a signed request", arguments: 0..<12)
    func randomHeaderValues(_ seed: Int) throws {
        let world = try TestWorld()
        var generator = SeededGenerator(seed: UInt64(seed))
        let honest = try world.request()
        for index in honest.headers.indices {
            for length in [0, 1, 17, 300] {
                var request = honest
                request.headers[index].value = Self.garbage(&generator, count: length)
                let response = world.respond(request)
                // Only unsigned transport headers may be spoiled and still succeed.
                if response.status == 201 {
                    #expect(["user-agent", "content-length"].contains(honest.headers[index].name.lowercased()),
                            "\(honest.headers[index].name) spoiled yet granted")
                } else {
                    try expectJSONError(response)
                }
            }
        }
    }

    @Test("random header names and values added to a signed request", arguments: 0..<8)
    func randomHeaders(_ seed: Int) throws {
        let world = try TestWorld()
        var generator = SeededGenerator(seed: UInt64(1000 + seed))
        var request = try world.request()
        for _ in 0..<20 {
            request.headers.append((Self.garbage(&generator, count: Int.random(in: 1...40, using: &generator)),
                                    Self.garbage(&generator, count: Int.random(in: 0...200, using: &generator))))
        }
        let response = world.respond(request)
        #expect(response.status == 201 || (400..<500).contains(response.status))
        if response.status != 201 { try expectJSONError(response) }
    }

    @Test("a fully random request to /sessions", arguments: 0..<16)
    func randomRequest(_ seed: Int) throws {
        let world = try TestWorld()
        var generator = SeededGenerator(seed: UInt64(5000 + seed))
        let names = ["Authorization", "X-Amz-Date", "X-Amz-X509", "X-Amz-X509-Chain", "Host", "Content-Type"]
        let headers = names.map { ($0, Self.garbage(&generator, count: Int.random(in: 0...120, using: &generator))) }
        let request = HTTPRequest(method: "POST", rawURI: "/sessions?" + Self.garbage(&generator, count: 40), headers: headers,
                                  body: generator.bytes(Int.random(in: 0...256, using: &generator)))
        try expectJSONError(world.respond(request))
    }

    @Test("huge header values", arguments: ["Authorization", "X-Amz-Date", "X-Amz-X509", "X-Amz-X509-Chain", "Host", "Content-Type"])
    func hugeHeader(_ name: String) throws {
        let world = try TestWorld()
        for filler in [String(repeating: "A", count: 1 << 20), String(repeating: "MIIB,", count: 100_000),
                       "AWS4-X509-RSA-SHA256 Credential=" + String(repeating: "9", count: 200_000) + "/20270115/us-east-1/rolesanywhere/aws4_request, SignedHeaders=host, Signature=00"] {
            let request = try world.request(breaking: [.header(name, filler)])
            try expectJSONError(world.respond(request))
        }
    }

    @Test("a huge Authorization with a 200,000-digit serial is refused, not parsed into a number", arguments: [1])
    func hugeSerial(_ unused: Int) throws {
        let world = try TestWorld()
        let request = try world.request(breaking: [.credentialSerial(String(repeating: "7", count: 200_000))])
        try expectJSONError(world.respond(request), status: 403, code: "AccessDeniedException", message: "Invalid signature")
    }

    @Test("validly signed bodies that are not JSON objects are a ValidationException", arguments: [
        "{", "not json", "[]", "null", "42", "\"text\"", "{\"durationSeconds\":}", "{}}", "\u{0}",
        String(repeating: "[", count: 100_000),
    ])
    func invalidJSON(_ body: String) throws {
        let world = try TestWorld()
        let request = try world.request(breaking: [.signedBody(Array(body.utf8))])
        try expectJSONError(world.respond(request), status: 400, code: "ValidationException")
    }

    @Test("an unsigned garbage body is refused as unauthenticated before it is validated")
    func garbageBodyIsNotValidatedBeforeAuthentication() throws {
        let world = try TestWorld()
        var request = try world.request()
        request.body = Array("not json".utf8)
        try expectJSONError(world.respond(request), status: 403, code: "AccessDeniedException", message: "Invalid signature")
    }

    /// A nil member: Foundation reports these numbers without a coding path, so the message
    /// cannot name the member (RAWire says "not valid JSON"); the answer is still a 400.
    @Test("JSON members of the wrong type are a ValidationException naming the member", arguments: [
        (#"{"durationSeconds":"3600"}"#, "durationSeconds"),
        (#"{"durationSeconds":3600.5}"#, nil),
        (#"{"durationSeconds":true}"#, "durationSeconds"),
        (#"{"durationSeconds":99999999999999999999999}"#, nil),
        (#"{"durationSeconds":1e400}"#, nil),
        (#"{"roleArn":5}"#, "roleArn"),
        (#"{"profileArn":["a"]}"#, "profileArn"),
        (#"{"trustAnchorArn":{}}"#, "trustAnchorArn"),
        (#"{"roleSessionName":12}"#, "roleSessionName"),
        (#"{"instanceProperties":[1,2]}"#, "instanceProperties"),
        (#"{"instanceProperties":{"a":1}}"#, "instanceProperties"),
    ])
    func wrongTypes(_ body: String, _ member: String?) throws {
        let world = try TestWorld()
        let request = try world.request(breaking: [.signedBody(Array(body.utf8))])
        let response = world.respond(request)
        try expectJSONError(response, status: 400, code: "ValidationException")
        if let member { #expect(response.text.contains("'\(member)"), "message: \(response.text)") }
    }

    @Test("random bodies, signed or not, never crash", arguments: 0..<8)
    func randomBodies(_ seed: Int) throws {
        let world = try TestWorld()
        var generator = SeededGenerator(seed: UInt64(9000 + seed))
        var request = try world.request()
        request.body = generator.bytes(Int.random(in: 1...4096, using: &generator))
        try expectJSONError(world.respond(request))
    }

    @Test("odd query strings on /sessions", arguments: [
        "%", "%zz", "profileArn=%ZZ", "profileArn", "=", "&&&", "profileArn=a&profileArn=b", String(repeating: "a=b&", count: 20_000),
    ])
    func oddQueries(_ query: String) throws {
        let world = try TestWorld()
        var request = try world.request()
        request.rawURI = "/sessions?" + query
        try expectJSONError(world.respond(request))
    }

    @Test("garbage to the STS endpoint gets an XML error", arguments: 0..<8)
    func stsGarbage(_ seed: Int) throws {
        let world = try TestWorld()
        var generator = SeededGenerator(seed: UInt64(12_000 + seed))
        let headers = ["Authorization", "X-Amz-Date", "X-Amz-Security-Token", "Host"].map {
            ($0, Self.garbage(&generator, count: Int.random(in: 0...200, using: &generator)))
        }
        let body = "Action=GetCallerIdentity&Version=2011-06-15&" + Self.garbage(&generator, count: 50)
        let response = world.respond(HTTPRequest(method: "POST", rawURI: "/", headers: headers, body: Array(body.utf8)))
        #expect((400..<500).contains(response.status))
        #expect(response.header("Content-Type") == "text/xml")
        #expect(response.text.hasPrefix("<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type><Code>"))
    }

    @Test("an STS call with a huge session token is InvalidClientTokenId")
    func stsHugeToken() throws {
        let world = try TestWorld()
        let credentials = try STSTests.issue(world)
        let request = try world.calls.getCallerIdentity(credentials, at: world.now,
                                                        breaking: [.sessionToken(String(repeating: "QUFB", count: 250_000))])
        let response = world.respond(request)
        #expect(response.status == 403)
        #expect(response.text.contains("<Code>InvalidClientTokenId</Code>"))
    }
}
