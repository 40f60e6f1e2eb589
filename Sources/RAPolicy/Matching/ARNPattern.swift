/// Matches ARNs the way IAM does: each of the six colon-separated components on its own.
///
/// Component-wise matching means `arn:aws:iam::*:role/x` cannot let `*` swallow the region and
/// account separators of a differently shaped ARN. The sixth component (the resource) keeps any
/// further colons, as in `arn:aws:logs:us-east-1:123456789012:log-group:name`.
struct ARNPattern: Sendable, Equatable {
    static let componentCount = 6

    let components: [WildcardPattern]

    /// Nil when the value does not have six components; callers then fall back to a plain glob.
    init?(_ value: ResolvedValue) {
        var components: [[ResolvedValue.Segment]] = [[]]
        for segment in value.segments {
            guard case .literal(let text) = segment else {
                components[components.count - 1].append(segment)
                continue
            }
            var current = ""
            for character in text {
                if character == ":", components.count < Self.componentCount {
                    if !current.isEmpty { components[components.count - 1].append(.literal(current)) }
                    current = ""
                    components.append([])
                } else {
                    current.append(character)
                }
            }
            if !current.isEmpty { components[components.count - 1].append(.literal(current)) }
        }
        guard components.count == Self.componentCount else { return nil }
        self.components = components.map { WildcardPattern($0, ignoringCase: false) }
    }

    func matches(_ arn: String) -> Bool {
        guard let parts = Self.split(arn) else { return false }
        return zip(components, parts).allSatisfy { pattern, part in pattern.matches(String(part)) }
    }

    /// Splits at the first five colons; nil when there are fewer.
    static func split(_ arn: String) -> [Substring]? {
        let parts = arn.split(separator: ":", maxSplits: componentCount - 1, omittingEmptySubsequences: false)
        return parts.count == componentCount ? parts : nil
    }

    /// `Resource` and `Arn*` matching: component-wise for ARN-shaped patterns, else a whole glob
    /// (so `*` alone still means every resource).
    static func matches(_ pattern: ResolvedValue, _ value: String) -> Bool {
        if pattern.isMatchAll { return true }
        if let arnPattern = ARNPattern(pattern) { return arnPattern.matches(value) }
        return WildcardPattern(pattern.segments, ignoringCase: false).matches(value)
    }
}
