/// Why a call to an upstream query-protocol service (STS, IAM, IMDS) produced no usable answer.
///
/// Carries the upstream's own error code and message because the operator needs them in the
/// audit record ("AccessDenied: User … is not authorized …"); ``description`` puts them in one
/// line. None of it contains credentials: request headers and bodies are never included.
public struct UpstreamCallError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// No HTTP response: refused, reset, timed out, name not resolved.
        case unreachable
        /// The TLS handshake or the upstream's certificate failed; retrying will not fix a
        /// certificate the configured CA bundle does not trust.
        case tlsFailure
        /// The upstream asked us to slow down (HTTP 429 or a throttling error code).
        case throttled
        /// The upstream failed on its side (HTTP 5xx).
        case unavailable
        /// The upstream refused the request (HTTP 4xx): denied, invalid, expired token.
        case rejected
        /// A success status with a body that is not the expected document, or credentials that
        /// cannot work (a field missing, already expired).
        case malformedResponse
        /// The request could not be built or sent as configured (bad endpoint URL, bad option).
        case invalidRequest
    }

    public var kind: Kind
    /// `STS`, `IAM`, `IMDS`: who failed, for the message.
    public var service: String
    /// `AssumeRole`, `AssumeRoleWithWebIdentity`, …
    public var action: String
    /// The upstream's error code, e.g. `AccessDenied`, `Throttling`, `ExpiredToken`.
    public var upstreamCode: String?
    public var upstreamMessage: String?
    /// The final HTTP status, nil when there was no response.
    public var httpStatus: Int?
    public var requestId: String?
    /// Attempts made, the first included.
    public var attempts: Int
    /// Transport or parsing detail when the upstream gave no code of its own.
    public var detail: String

    public init(kind: Kind, service: String, action: String, upstreamCode: String? = nil, upstreamMessage: String? = nil,
                httpStatus: Int? = nil, requestId: String? = nil, attempts: Int = 1, detail: String = "") {
        self.kind = kind
        self.service = service
        self.action = action
        self.upstreamCode = upstreamCode
        self.upstreamMessage = upstreamMessage
        self.httpStatus = httpStatus
        self.requestId = requestId
        self.attempts = attempts
        self.detail = detail
    }

    /// Worth another attempt: the same request may well succeed shortly.
    public var isTransient: Bool {
        switch kind {
        case .unreachable, .throttled, .unavailable: true
        case .tlsFailure, .rejected, .malformedResponse, .invalidRequest: false
        }
    }

    /// `upstream STS AssumeRole failed: AccessDenied: User … (HTTP 403, request 1a2b…, 1 attempt)`.
    public var description: String {
        var text = "upstream \(service) \(action) failed: "
        if let upstreamCode {
            text += upstreamCode + (upstreamMessage.map { ": " + $0 } ?? "")
        } else {
            text += detail
        }
        var facts: [String] = []
        if let httpStatus { facts.append("HTTP \(httpStatus)") }
        if let requestId, !requestId.isEmpty { facts.append("request \(requestId)") }
        facts.append(attempts == 1 ? "1 attempt" : "\(attempts) attempts")
        if upstreamCode != nil, !detail.isEmpty { facts.append(detail) }
        return text + " (" + facts.joined(separator: ", ") + ")"
    }

    /// Error codes AWS SDKs treat as throttling, whatever the HTTP status.
    static let throttlingCodes: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "TooManyRequestsException",
        "ProvisionedThroughputExceededException", "TransactionInProgressException", "RequestLimitExceeded",
        "BandwidthLimitExceeded", "RequestThrottled", "SlowDown", "PriorRequestNotComplete",
        "EC2ThrottledException",
    ]

    /// Error codes AWS SDKs retry as transient server-side trouble, whatever the HTTP status.
    static let transientCodes: Set<String> = [
        "RequestTimeout", "RequestTimeoutException", "InternalError", "InternalFailure", "ServiceUnavailable",
        "IDPCommunicationError",
    ]
}
