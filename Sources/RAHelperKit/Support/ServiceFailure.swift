/// An error answer from the Roles Anywhere service, decoded as aws-sdk-go-v2's rest-json
/// deserializer does, so the rendered message matches what users of the official helper see.
public struct ServiceFailure: Sendable, Equatable {
    /// The error codes CreateSession's model declares; the SDK prints these as `Code: message`
    /// and any other code as `api error Code: message`.
    static let modeledCodes = ["AccessDeniedException", "ResourceNotFoundException", "ValidationException"]

    public var statusCode: Int
    /// From `x-amzn-RequestId` (or `x-amz-request-id`); empty when absent.
    public var requestID: String
    /// Sanitised error code (`X-Amzn-ErrorType`, else body `code`/`__type`); `UnknownError` when absent.
    public var errorCode: String
    /// The body's `message`; nil when the body had none.
    public var errorMessage: String?

    public init(statusCode: Int, requestID: String, errorCode: String, errorMessage: String?) {
        self.statusCode = statusCode
        self.requestID = requestID
        self.errorCode = errorCode
        self.errorMessage = errorMessage
    }

    /// `operation error RolesAnywhere: CreateSession, https response error StatusCode: 403,
    /// RequestID: <id>, AccessDeniedException: Untrusted Signing Certificate`. A modeled error with no
    /// message prints an empty one; any other prints `UnknownError`, as the SDK does.
    public var sdkMessage: String { "\(SDKMessage.operationPrefix), \(detail)" }
}

/// Prefixes aws-sdk-go-v2 puts in front of every CreateSession failure.
enum SDKMessage {
    static let operationPrefix = "operation error RolesAnywhere: CreateSession"
}
