/// The outcome of evaluating policies for one request.
///
/// The two kinds of deny are kept apart because they mean different things to an operator: an
/// explicit deny is a rule doing its job, an implicit deny usually means a missing or mistyped
/// allow (e.g. a certificate OU that does not match the trust policy's condition).
public enum Decision: Sendable, Equatable {
    case allow
    /// A matching `Deny` statement; it wins over any number of allows.
    case explicitDeny(statementSid: String?)
    /// No statement allowed the request (IAM's default).
    case implicitDeny

    /// Convenience for the common "go / no go" check.
    public var isAllowed: Bool { self == .allow }
}
