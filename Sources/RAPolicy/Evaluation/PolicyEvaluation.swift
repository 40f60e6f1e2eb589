/// A decision together with why it was reached, for the audit trail.
///
/// The wire answer to a denied request stays AWS's terse `AccessDeniedException`; these reasons
/// are what the operator reads to find out which statement or condition refused the caller.
public struct PolicyEvaluation: Sendable, Equatable {
    /// The same answer `PolicyEvaluator.evaluate` gives.
    public let decision: Decision
    /// One line per statement considered (in document order) and a final line with the verdict,
    /// e.g. `policy 1 statement 'RolesAnywhere' (Allow) does not apply: condition StringEquals
    /// aws:PrincipalTag/x509Subject/OU failed: request has "Ops", policy values ["DataCenter-Northeast"]`.
    public let reasons: [String]
}
