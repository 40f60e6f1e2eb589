/// A statement's `Action` or `NotAction`.
///
/// Actions are `vendor:Name` and match case-insensitively with `*` and `?`, as in IAM
/// (`sts:assumerole` is `sts:AssumeRole`). Variables are not substituted in actions.
struct ActionElement: Sendable, Equatable {
    /// True for `NotAction`: the statement applies to every action the patterns do not match.
    let isNegated: Bool
    let patterns: [WildcardPattern]

    static func parse(_ value: JSONValue, negated: Bool) throws(PolicyError) -> ActionElement {
        let actions = try value.stringList(element: negated ? "NotAction" : "Action")
        guard !actions.isEmpty else { throw .missingActions }
        for action in actions where action != "*" {
            let pieces = action.split(separator: ":", omittingEmptySubsequences: false)
            guard pieces.count >= 2, !pieces[0].isEmpty, !pieces[1].isEmpty else { throw .vendorPrefix(action) }
            guard pieces.count == 2 else { throw .singleColon(action) }
        }
        return ActionElement(isNegated: negated,
                             patterns: actions.map { WildcardPattern(glob: $0, ignoringCase: true) })
    }

    func applies(to action: String) -> Bool {
        isNegated != patterns.contains { $0.matches(action) }
    }
}
