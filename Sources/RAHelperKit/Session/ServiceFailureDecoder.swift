import Foundation
import RAHTTPClient

/// Reads an error answer the way aws-sdk-go-v2's rest-json deserializer does: code from
/// `X-Amzn-ErrorType`, else from the body's `code` or `__type`, sanitised (text after `:` and
/// before `#` dropped); message from `message` or `Message`; the code defaults to `UnknownError`.
enum ServiceFailureDecoder {
    private struct ErrorBody: Decodable {
        var code: String?
        var type: String?
        var message: String?
        var capitalMessage: String?

        enum CodingKeys: String, CodingKey {
            case code, type = "__type", message, capitalMessage = "Message"
        }
    }

    /// The attempt's failure; a body that is not JSON is reported as such instead of the code, as the SDK does.
    static func decode(_ response: HTTPClient.Response) -> AttemptFailure {
        let requestID = requestIdentifier(of: response)
        var body = ErrorBody()
        if !response.body.allSatisfy(isJSONWhitespace) {
            do {
                body = try JSONDecoder().decode(ErrorBody.self, from: Data(response.body))
            } catch {
                return .undecodable(status: response.status, requestID: requestID, reason: "the body is not JSON")
            }
        }
        var code = "UnknownError"
        if let header = response.header("X-Amzn-ErrorType"), !header.isEmpty {
            code = sanitize(header)
        } else if let bodyCode = body.code ?? body.type, !bodyCode.isEmpty {
            code = sanitize(bodyCode)
        }
        let message = body.message ?? body.capitalMessage
        return .service(ServiceFailure(statusCode: response.status, requestID: requestID, errorCode: code,
                                       errorMessage: message))
    }

    /// `X-Amzn-RequestId`, or S3-style `X-Amz-Request-Id`; empty when neither is present.
    static func requestIdentifier(of response: HTTPClient.Response) -> String {
        response.header("X-Amzn-Requestid") ?? response.header("X-Amz-Request-Id") ?? ""
    }

    /// `aws.protocols#AccessDeniedException:http://…` → `AccessDeniedException`.
    static func sanitize(_ code: String) -> String {
        var code = Substring(code)
        if let colon = code.firstIndex(of: ":") { code = code[..<colon] }
        if let hash = code.lastIndex(of: "#") { code = code[code.index(after: hash)...] }
        return String(code)
    }

    private static func isJSONWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }
}
