import Foundation
import RACore
import RACrypto
import RATestSupport
import Testing

/// Every way the SigV4-X509 authentication step (spec §2.2-2.3) can fail, each with its exact
/// code, HTTP status and client message; and the clock-skew window at its edges.
struct AuthenticationTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let breaking: [CreateSessionRequestFactory.Breakage]
        let code: ServiceFailure.Code
        let status: Int
        let message: String
        /// Checked only when set: the part of the audit reason that says what was wrong.
        var reason: String? = nil
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "no Authorization header", breaking: [.header("Authorization", nil)],
             code: .accessDenied, status: 403, message: "Missing Authentication Token",
             reason: "the request has no Authorization header"),
        Case(name: "Authorization without parameters", breaking: [.header("Authorization", "AWS4-X509-RSA-SHA256")],
             code: .validation, status: 400,
             message: "Authorization header is malformed: Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters."),
        Case(name: "Authorization missing Signature",
             breaking: [.header("Authorization", "AWS4-X509-ECDSA-SHA256 Credential=1/20270115/us-east-1/rolesanywhere/aws4_request, SignedHeaders=host")],
             code: .validation, status: 400,
             message: "Authorization header is malformed: Authorization header requires 'Signature' parameter."),
        Case(name: "Authorization with a short credential",
             breaking: [.header("Authorization", "AWS4-X509-ECDSA-SHA256 Credential=1/20270115/us-east-1, SignedHeaders=host, Signature=00")],
             code: .validation, status: 400,
             message: "Authorization header is malformed: Credential must have the form <id>/<yyyyMMdd>/<region>/<service>/aws4_request."),
        Case(name: "HMAC algorithm", breaking: [.algorithm("AWS4-HMAC-SHA256")],
             code: .validation, status: 400,
             message: "Unsupported signing algorithm 'AWS4-HMAC-SHA256'; expected AWS4-X509-RSA-SHA256 or AWS4-X509-ECDSA-SHA256"),
        Case(name: "unknown X.509 algorithm", breaking: [.algorithm("AWS4-X509-DSA-SHA256")],
             code: .validation, status: 400,
             message: "Unsupported signing algorithm 'AWS4-X509-DSA-SHA256'; expected AWS4-X509-RSA-SHA256 or AWS4-X509-ECDSA-SHA256"),
        Case(name: "scope names another service", breaking: [.scope(region: nil, service: "sts")],
             code: .validation, status: 400,
             message: "Credential scope must be <date>/<region>/rolesanywhere/aws4_request, got '20270115/us-east-1/sts/aws4_request'"),
        Case(name: "scope names another region", breaking: [.scope(region: "eu-west-1", service: nil)],
             code: .accessDenied, status: 403,
             message: "Credential should be scoped to a valid region; expected 'us-east-1', got 'eu-west-1'"),
        Case(name: "no X-Amz-Date", breaking: [.header("X-Amz-Date", nil)],
             code: .validation, status: 400, message: "Missing required header X-Amz-Date"),
        Case(name: "X-Amz-Date in extended ISO form", breaking: [.header("X-Amz-Date", "2027-01-15T08:00:00Z")],
             code: .validation, status: 400,
             message: "X-Amz-Date '2027-01-15T08:00:00Z' is not in the form YYYYMMDD'T'HHMMSS'Z'"),
        Case(name: "X-Amz-Date with an impossible month", breaking: [.header("X-Amz-Date", "20271315T080000Z")],
             code: .validation, status: 400,
             message: "X-Amz-Date '20271315T080000Z' is not in the form YYYYMMDD'T'HHMMSS'Z'"),
        Case(name: "X-Amz-Date on another day than the scope", breaking: [.header("X-Amz-Date", "20270116T080000Z")],
             code: .accessDenied, status: 403,
             message: "Credential scope date 20270115 does not match X-Amz-Date 20270116T080000Z"),
        Case(name: "no X-Amz-X509", breaking: [.header("X-Amz-X509", nil)],
             code: .validation, status: 400, message: "Missing required header X-Amz-X509"),
        Case(name: "X-Amz-X509 not base64", breaking: [.header("X-Amz-X509", "not*base64!")],
             code: .validation, status: 400, message: "X-Amz-X509 is not valid base64"),
        Case(name: "X-Amz-X509 empty", breaking: [.header("X-Amz-X509", "")],
             code: .validation, status: 400, message: "X-Amz-X509 is not valid base64"),
        Case(name: "X-Amz-X509 garbage DER", breaking: [.header("X-Amz-X509", Data([0x30, 0x03, 0x02, 0x01, 0x05]).base64EncodedString())],
             code: .validation, status: 400, message: "X-Amz-X509 is not a DER-encoded X.509 certificate"),
        Case(name: "Credential serial is not the certificate's", breaking: [.credentialSerial("12345")],
             code: .accessDenied, status: 403, message: "Invalid signature", reason: "Credential serial 12345 is not the certificate's serial"),
        Case(name: "X-Amz-X509 not among the signed headers", breaking: [.certificateNotSigned],
             code: .accessDenied, status: 403, message: "Invalid signature",
             reason: "header 'x-amz-x509' is not among the signed headers"),
        Case(name: "X-Amz-X509-Chain added after signing",
             breaking: [.header("X-Amz-X509-Chain", "MIIB")],
             code: .validation, status: 400, message: "X-Amz-X509-Chain is not a DER-encoded X.509 certificate"),
        Case(name: "signature altered", breaking: [.tamperedSignature],
             code: .accessDenied, status: 403, message: "Invalid signature",
             reason: "the request signature does not verify with the certificate's public key"),
        Case(name: "body altered after signing", breaking: [.tamperedBody],
             code: .accessDenied, status: 403, message: "Invalid signature",
             reason: "the request signature does not verify with the certificate's public key"),
        Case(name: "signed header altered after signing", breaking: [.header("Amz-Sdk-Request", "attempt=2; max=3")],
             code: .accessDenied, status: 403, message: "Invalid signature",
             reason: "the request signature does not verify with the certificate's public key"),
    ]

    @Test("authentication failures carry the exact code, status and message", arguments: cases)
    func failure(_ testCase: Case) throws {
        let world = try TestWorld()
        let failure = try world.refused(try world.request(breaking: testCase.breaking))
        #expect(failure.code == testCase.code)
        #expect(failure.httpStatus == testCase.status)
        if testCase.message.hasSuffix(": ") {
            #expect(failure.message.hasPrefix(testCase.message), "message was: \(failure.message)")
        } else {
            #expect(failure.message == testCase.message)
        }
        if let reason = testCase.reason {
            #expect(failure.reason.contains(reason), "reason was: \(failure.reason)")
        }
        let records = try world.auditRecords()
        #expect(records.count == 1)
        #expect(records.first?.errorCode == testCase.code.rawValue)
        #expect(records.first?.denialReason == failure.reason)
    }

    @Test("a valid chain header that was not signed is refused")
    func unsignedChain() throws {
        let world = try TestWorld()
        let chain = Data(world.pki.intermediate.certificate.der).base64EncodedString()
        let failure = try world.refused(try world.request(chain: [], breaking: [.header("X-Amz-X509-Chain", chain)]))
        #expect(failure.code == .accessDenied)
        #expect(failure.message == "Invalid signature")
        #expect(failure.reason == "header 'x-amz-x509-chain' is not among the signed headers")
    }

    @Test("another certificate swapped into X-Amz-X509 does not verify the signature")
    func swappedCertificate() throws {
        let world = try TestWorld()
        let other = try world.leaf { $0.serial = world.client.certificate.serialNumber }
        let swapped = Data(other.certificate.der).base64EncodedString()
        let failure = try world.refused(try world.request(breaking: [.header("X-Amz-X509", swapped)]))
        #expect(failure.message == "Invalid signature")
        #expect(failure.reason == "the request signature does not verify with the certificate's public key")
    }

    @Test("clock skew up to 300 s either way is accepted", arguments: [-300.0, -299, -1, 0, 1, 299, 300])
    func skewInside(_ skew: Double) throws {
        let world = try TestWorld()
        _ = try world.granted(try world.request(skew: skew))
    }

    @Test("clock skew beyond 300 s is refused", arguments: [-3600.0, -301, 301, 3600])
    func skewOutside(_ skew: Double) throws {
        let world = try TestWorld()
        let failure = try world.refused(try world.request(skew: skew))
        #expect(failure.code == .accessDenied)
        #expect(failure.httpStatus == 403)
        let signed = AmzDateText.format(world.now + skew)
        #expect(failure.message == "Signature expired: \(signed) is outside the allowed window of 300 seconds around the server time 20270115T080000Z")
    }

    @Test("SigV4-X509 parameters in the Authorization header may be separated by ',' without a space")
    func compactAuthorization() throws {
        let world = try TestWorld()
        var request = try world.request()
        let index = try #require(request.headers.firstIndex { $0.name == "Authorization" })
        request.headers[index].value = request.headers[index].value.replacingOccurrences(of: ", ", with: ",")
        _ = try world.granted(request)
    }
}

/// `X-Amz-Date` text for expectations, computed independently of RAWire.
enum AmzDateText {
    static func format(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
        return String(format: "%04d", c.year ?? 0) + two(c.month) + two(c.day) + "T" + two(c.hour) + two(c.minute) + two(c.second) + "Z"
    }
}
