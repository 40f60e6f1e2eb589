/// One statement of a policy: who, what, on which resource, under which conditions.
public struct PolicyStatement: Sendable, Equatable {
    /// The statement's `Sid`; explanations and `Decision.explicitDeny` name statements by it.
    public let sid: String?
    /// What the statement does when it applies.
    public let effect: PolicyEffect
    let principal: PrincipalElement?
    let action: ActionElement
    let resource: ResourceElement?
    let conditions: [ConditionClause]

    /// True when the statement has `Principal` or `NotPrincipal`, i.e. it belongs to a trust or
    /// resource policy and only applies to the principals it names.
    public var namesPrincipal: Bool { principal != nil }
}
