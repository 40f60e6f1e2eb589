import Foundation

/// Malformed CreateSession requests a hostile or broken client might send, and the answer each
/// must get: a 4xx in AWS's error shape (the oversized header may instead meet the transport's 431).
enum BadInput: String, CaseIterable, Sendable, CustomStringConvertible {
    case malformedAuthorization, badBase64Certificate, garbageDER, twoMebibyteBody, sixtyFourKibibyteHeader,
         invalidJSONBody, unknownTrustAnchor

    var description: String { rawValue }

    struct Expectation: Sendable {
        let status: Int
        let code: String
        let message: String
        /// Whether the request reaches the application (and so the audit trail).
        let audited: Bool
    }

    var expectation: Expectation {
        switch self {
        case .malformedAuthorization:
            Expectation(status: 400, code: "ValidationException", message: "Authorization header is malformed", audited: true)
        case .badBase64Certificate:
            Expectation(status: 400, code: "ValidationException", message: "X-Amz-X509 is not valid base64", audited: true)
        case .garbageDER:
            Expectation(status: 400, code: "ValidationException", message: "X-Amz-X509 is not a DER-encoded X.509 certificate",
                        audited: true)
        case .twoMebibyteBody:
            Expectation(status: 413, code: "ValidationException", message: "Request body exceeds the limit of 1048576 bytes",
                        audited: true)
        case .sixtyFourKibibyteHeader:
            Expectation(status: 403, code: "AccessDeniedException", message: "Missing Authentication Token", audited: true)
        case .invalidJSONBody:
            Expectation(status: 400, code: "ValidationException", message: "The body is not valid JSON.", audited: true)
        case .unknownTrustAnchor:
            Expectation(status: 404, code: "ResourceNotFoundException",
                        message: "Trust anchor \(Self.unknownAnchor) was not found.", audited: true)
        }
    }

    static let unknownAnchor = "arn:aws:rolesanywhere:us-east-1:123456789012:trust-anchor/00000000-0000-4000-8000-000000000000"

    /// The request for this case, from `certificate` against `arns`, tagged with `userAgent`.
    func request(arns: StackArns, certificate: ClientCertificate, certificateDER: [UInt8], userAgent: String) -> RawRequest {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        let amzDate = formatter.string(from: Date())
        let body = Self.json(["durationSeconds": "900", "profileArn": arns.profileArn, "roleArn": arns.roleArn,
                              "trustAnchorArn": arns.trustAnchorArn])
        let authorization = "AWS4-X509-ECDSA-SHA256 Credential=\(certificate.serialDecimal)/\(amzDate.prefix(8))/us-east-1/"
            + "rolesanywhere/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-x509, Signature=3045022100"
        var request = RawRequest(headers: ["User-Agent": userAgent, "Content-Type": "application/json", "X-Amz-Date": amzDate,
                                           "Authorization": authorization,
                                           "X-Amz-X509": Data(certificateDER).base64EncodedString()],
                                 body: body)
        switch self {
        case .malformedAuthorization:
            request.headers["Authorization"] = "AWS4-X509-ECDSA-SHA256 this-is-not-a-signature"
        case .badBase64Certificate:
            request.headers["X-Amz-X509"] = "MIIB!!not*base64$$"
        case .garbageDER:
            request.headers["X-Amz-X509"] = Data([0x30, 0x82, 0x01, 0x00] + Array("not a certificate at all".utf8)).base64EncodedString()
        case .twoMebibyteBody:
            request.bodyBytes = 2 << 20
        case .sixtyFourKibibyteHeader:
            request.headers["Authorization"] = nil
            request.paddingHeaderBytes = 64 << 10
        case .invalidJSONBody:
            request.headers = ["User-Agent": userAgent]
            request.body = "{\"profileArn\": \"\(arns.profileArn)\", \"roleArn\": "
            request.signWith = RawRequest.Signer(certificate: certificate.certificate, key: certificate.key)
        case .unknownTrustAnchor:
            request.headers = ["User-Agent": userAgent]
            request.body = Self.json(["durationSeconds": "900", "profileArn": arns.profileArn, "roleArn": arns.roleArn,
                                      "trustAnchorArn": Self.unknownAnchor])
            request.signWith = RawRequest.Signer(certificate: certificate.certificate, key: certificate.key)
        }
        return request
    }

    /// A flat JSON object; `durationSeconds` is written as a number.
    private static func json(_ fields: [String: String]) -> String {
        "{" + fields.sorted { $0.key < $1.key }.map { key, value in
            key == "durationSeconds" ? "\"\(key)\":\(value)" : "\"\(key)\":\"\(value)\""
        }.joined(separator: ",") + "}"
    }
}
