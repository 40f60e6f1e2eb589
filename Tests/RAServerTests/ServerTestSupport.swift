import Foundation
import RACore
import RAHTTP
import RAServer
import RATestSupport
import Testing

extension TestWorld {
    /// The whole server application over this world's store, its clock pinned (to `now` by default).
    func application(at date: Date? = nil) -> Application {
        Application(configuration: configuration, store: store, codec: codec, issuer: LocalCredentialIssuer(codec: codec),
                    clock: FixedClock(date ?? now))
    }

    /// Sends one request through the application at `now`.
    func respond(_ request: HTTPRequest) -> HTTPResponse {
        application().respond(to: request)
    }
}

extension HTTPResponse {
    /// The first value of a header, names compared case-insensitively.
    func header(_ name: String) -> String? {
        let lower = name.lowercased()
        return headers.first { $0.name.lowercased() == lower }?.value
    }

    var text: String { String(decoding: body, as: UTF8.self) }

    /// The body as a JSON object, or a recorded issue.
    func jsonObject(sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        let parsed = try JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed])
        return try #require(parsed as? [String: Any], "body is not a JSON object: \(text)", sourceLocation: sourceLocation)
    }
}

/// Checks the rest-json error shape AWS clients parse: a 4xx status, `X-Amzn-ErrorType`, and a body
/// `{"__type": <same code>, "message": <text>}` with nothing else. Returns the code.
@discardableResult
func expectJSONError(_ response: HTTPResponse, status: Int? = nil, code: String? = nil, message: String? = nil,
                     sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
    if let status {
        #expect(response.status == status, sourceLocation: sourceLocation)
    } else {
        #expect((400..<500).contains(response.status), "status \(response.status)", sourceLocation: sourceLocation)
    }
    #expect(response.header("Content-Type") == "application/json", sourceLocation: sourceLocation)
    let errorType = try #require(response.header("X-Amzn-ErrorType"), "no X-Amzn-ErrorType", sourceLocation: sourceLocation)
    let object = try response.jsonObject(sourceLocation: sourceLocation)
    #expect(Set(object.keys) == ["__type", "message"], sourceLocation: sourceLocation)
    #expect(object["__type"] as? String == errorType, sourceLocation: sourceLocation)
    let text = try #require(object["message"] as? String, sourceLocation: sourceLocation)
    if let code { #expect(errorType == code, sourceLocation: sourceLocation) }
    if let message { #expect(text == message, sourceLocation: sourceLocation) }
    #expect(response.header("x-amzn-RequestId")?.isEmpty == false, sourceLocation: sourceLocation)
    return errorType
}

/// The STS query-protocol error document for `code`/`message`, as the server must render it.
func stsErrorXML(code: String, message: String, requestId: String, type: String = "Sender") -> String {
    "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>\(type)</Type><Code>\(code)</Code>"
        + "<Message>\(message)</Message></Error><RequestId>\(requestId)</RequestId></ErrorResponse>"
}

/// SplitMix64: reproducible "random" inputs, so a failing garbage case can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func bytes(_ count: Int) -> [UInt8] {
        (0..<count).map { _ in UInt8.random(in: 0...255, using: &self) }
    }
}
