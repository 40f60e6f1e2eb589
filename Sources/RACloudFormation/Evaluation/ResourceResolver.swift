/// What the deployer knows about resources it has already created, so that templates can
/// refer to them. The evaluator never creates anything itself.
public protocol ResourceResolver {
    /// The value of `Ref` for a created resource (its primary identifier), or nil when the
    /// resource does not exist (yet, or because its condition is false).
    func ref(_ logicalId: String) -> TemplateValue?

    /// The value of `Fn::GetAtt`; throw for unknown attributes (a `TemplateError` is passed
    /// through unchanged; other errors are wrapped).
    func getAtt(_ logicalId: String, _ attribute: String) throws -> TemplateValue
}
