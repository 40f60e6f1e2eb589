/// Decides a request against a set of policies, the IAM way: any applicable `Deny` gives an
/// explicit deny, otherwise any applicable `Allow` allows, otherwise the request is implicitly
/// denied.
///
/// A statement applies when its principal (if it names one), action, resource (if it names one)
/// and every condition match. This is the evaluation for a single policy type (all of a role's
/// trust policy, or all of an identity's policies); combining types (identity ∩ session policy ∩
/// permissions boundary) is the caller's job, by intersecting `Decision`s.
public enum PolicyEvaluator {
    /// The decision alone, for callers that only need to allow or refuse.
    public static func evaluate(_ policies: [PolicyDocument], in context: RequestContext) -> Decision {
        evaluateExplaining(policies, in: context).decision
    }

    /// Like `evaluate`, also returning a line per statement saying whether and why it applied.
    public static func evaluateExplaining(_ policies: [PolicyDocument], in context: RequestContext)
        -> PolicyEvaluation {
        var reasons: [String] = []
        var firstDeny: (label: String, sid: String?)?
        var firstAllow: String?
        for (policyOffset, policy) in policies.enumerated() {
            for (statementOffset, statement) in policy.statements.enumerated() {
                let label = "policy \(policyOffset + 1) " + statementLabel(statement, number: statementOffset + 1)
                let heading = "\(label) (\(statement.effect.rawValue))"
                if let mismatch = mismatch(statement, in: context) {
                    reasons.append("\(heading) does not apply: \(mismatch)")
                    continue
                }
                reasons.append("\(heading) applies")
                switch statement.effect {
                case .deny where firstDeny == nil:
                    firstDeny = (label, statement.sid.flatMap { $0.isEmpty ? nil : $0 })
                case .allow where firstAllow == nil:
                    firstAllow = label
                default:
                    break
                }
            }
        }
        let request = "\(context.action) on \(context.resource)"
        if let firstDeny {
            reasons.append("explicit deny: \(firstDeny.label) denies \(request)")
            return PolicyEvaluation(decision: .explicitDeny(statementSid: firstDeny.sid), reasons: reasons)
        }
        if let firstAllow {
            reasons.append("allow: \(firstAllow) allows \(request)")
            return PolicyEvaluation(decision: .allow, reasons: reasons)
        }
        reasons.append("implicit deny: no statement allows \(request)")
        return PolicyEvaluation(decision: .implicitDeny, reasons: reasons)
    }

    private static func statementLabel(_ statement: PolicyStatement, number: Int) -> String {
        if let sid = statement.sid, !sid.isEmpty { return "statement '\(sid)'" }
        return "statement #\(number)"
    }

    /// Nil when the statement applies to the request, else the first thing that does not match.
    private static func mismatch(_ statement: PolicyStatement, in context: RequestContext) -> String? {
        if let principal = statement.principal, !principal.applies(to: context.principal) {
            guard let caller = context.principal else { return "request has no principal" }
            return principal.isNegated ? "principal \(caller) is excluded by NotPrincipal"
                                       : "principal \(caller) is not in Principal"
        }
        if !statement.action.applies(to: context.action) {
            return statement.action.isNegated ? "action \(context.action) is excluded by NotAction"
                                              : "action \(context.action) is not in Action"
        }
        if let resource = statement.resource, !resource.applies(to: context.resource, in: context) {
            return resource.isNegated ? "resource \(context.resource) is excluded by NotResource"
                                      : "resource \(context.resource) is not in Resource"
        }
        for clause in statement.conditions {
            if let failure = clause.failure(in: context) { return "condition \(failure)" }
        }
        return nil
    }
}
