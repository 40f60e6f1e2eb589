/// A refused request as the domain sees it: what the client is told, and why, for the operator.
///
/// `message` is safe to send; `reason` may name internal details (which chain step failed, which
/// policy statement denied) and goes only to the audit trail.
public struct ServiceFailure: Error, Sendable, Equatable {
    public enum Code: String, Sendable {
        case accessDenied = "AccessDeniedException"
        case validation = "ValidationException"
        case resourceNotFound = "ResourceNotFoundException"
        case throttling = "ThrottlingException"
        case internalFailure = "InternalServerException"
    }

    public var code: Code
    public var message: String
    public var reason: String

    public init(_ code: Code, _ message: String, reason: String? = nil) {
        self.code = code
        self.message = message
        self.reason = reason ?? message
    }

    /// The HTTP status AWS pairs with the code.
    public var httpStatus: Int {
        switch code {
        case .accessDenied: 403
        case .validation: 400
        case .resourceNotFound: 404
        case .throttling: 429
        case .internalFailure: 500
        }
    }

    static func untrusted(_ reason: String) -> ServiceFailure {
        ServiceFailure(.accessDenied, "Untrusted Signing Certificate", reason: reason)
    }
}
