/// Where a document will be attached, which decides the elements IAM requires or forbids.
///
/// The evaluator treats all kinds alike; the kind only tightens validation so that, e.g., a trust
/// policy without `Principal` is refused at `CreateRole` instead of silently never matching.
public enum PolicyKind: Sendable, Equatable {
    /// No placement rules: statements may or may not name principals and resources.
    case any
    /// Attached to a user or role: no `Principal`, and `Resource` is required.
    case identity
    /// A role's assume-role policy: `Principal` is required and `Resource` is forbidden.
    case trust
    /// Attached to a resource: both `Principal` and `Resource` are required.
    case resource
}
