import RAHTTPClient

/// Why one CreateSession attempt failed, with the text aws-sdk-go-v2 would print after its
/// `operation error RolesAnywhere: CreateSession, ` prefix, and whether the SDK's standard retryer
/// would try again.
struct AttemptFailure: Sendable {
    var code: HelperError.Code
    /// `https response error StatusCode: …, RequestID: …, <cause>`.
    var detail: String
    var isRetryable: Bool

    /// Status codes and error codes the SDK's standard retryer treats as transient.
    private static let retryableStatuses: Set<Int> = [429, 500, 502, 503, 504]
    private static let throttlingCodes: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
        "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled",
        "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException",
    ]

    static func service(_ failure: ServiceFailure) -> AttemptFailure {
        AttemptFailure(code: .service(failure), detail: failure.detail,
                       isRetryable: retryableStatuses.contains(failure.statusCode)
                           || throttlingCodes.contains(failure.errorCode))
    }

    static func undecodable(status: Int, requestID: String, reason: String) -> AttemptFailure {
        AttemptFailure(code: .response,
                       detail: "https response error StatusCode: \(status), RequestID: \(requestID), "
                           + "deserialization failed, failed to decode response body, \(reason)",
                       isRetryable: false)
    }

    /// curl's "SSL connect error": the handshake broke off (a reset or closed connection while
    /// negotiating), as a restarting or overloaded server causes. Certificate problems have their
    /// own codes and are never retried.
    static let handshakeInterrupted = 35

    /// No HTTP answer at all; connection-level failures (an interrupted TLS handshake included) are
    /// retried, certificate problems and bad requests are not.
    static func transport(_ error: HTTPClientError, url: String) -> AttemptFailure {
        let retryable = switch error.kind {
        case .couldNotConnect, .timedOut, .transport: true
        case .tls: error.curlCode == handshakeInterrupted
        case .invalidRequest, .couldNotResolveHost, .responseTooLarge: false
        }
        return AttemptFailure(code: .transport,
                              detail: "https response error StatusCode: 0, RequestID: , request send failed, "
                                  + "Post \"\(url)\": \(error.message)",
                              isRetryable: retryable)
    }

    /// The final error; `attempts` is set when the retryer gave up after that many tries.
    func error(afterExhausting attempts: Int?) -> HelperError {
        let exhausted = attempts.map { "exceeded maximum number of attempts, \($0), " } ?? ""
        return HelperError(code, "\(SDKMessage.operationPrefix), \(exhausted)\(detail)", transportIsRetryable: isRetryable)
    }
}

extension ServiceFailure {
    /// The SDK message without its operation prefix.
    var detail: String {
        let code = errorCode.isEmpty ? "UnknownError" : errorCode
        let modeled = Self.modeledCodes.first { $0.lowercased() == code.lowercased() }
        let cause = modeled.map { "\($0): \(errorMessage ?? "")" } ?? "api error \(code): \(errorMessage ?? "UnknownError")"
        return "https response error StatusCode: \(statusCode), RequestID: \(requestID), \(cause)"
    }
}
