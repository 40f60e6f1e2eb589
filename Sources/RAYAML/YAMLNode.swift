/// One node of a parsed YAML document, kept close to the YAML model so that callers
/// (the CloudFormation reader) decide how tags and plain scalars are typed, not this module.
///
/// Aliases are already resolved: an alias appears as a copy of the node its anchor named.
public indirect enum YAMLNode: Sendable {
    /// A scalar's text, its resolved tag (nil when untagged, `"!"` for the non-specific tag),
    /// and whether it was written plain (unquoted): only plain scalars may be typed implicitly.
    case scalar(String, tag: String?, plain: Bool)
    case sequence([YAMLNode], tag: String?)
    /// Pairs in document order, because template authors expect their order to be kept.
    case mapping([(key: YAMLNode, value: YAMLNode)], tag: String?)

    /// The node's tag, whatever its kind.
    public var tag: String? {
        switch self {
        case .scalar(_, let tag, _), .sequence(_, let tag), .mapping(_, let tag): tag
        }
    }
}

extension YAMLNode: Equatable {
    /// Order-sensitive equality: two mappings with the same pairs in another order differ,
    /// because this type describes a document's text, not its meaning.
    public static func == (lhs: YAMLNode, rhs: YAMLNode) -> Bool {
        switch (lhs, rhs) {
        case let (.scalar(a, tagA, plainA), .scalar(b, tagB, plainB)):
            return a == b && tagA == tagB && plainA == plainB
        case let (.sequence(a, tagA), .sequence(b, tagB)):
            return tagA == tagB && a == b
        case let (.mapping(a, tagA), .mapping(b, tagB)):
            guard tagA == tagB, a.count == b.count else { return false }
            for (left, right) in zip(a, b) where left.key != right.key || left.value != right.value {
                return false
            }
            return true
        default:
            return false
        }
    }
}
