import Foundation

/// One key under one operator, e.g. `StringEquals` / `aws:PrincipalTag/x509Subject/OU` /
/// `["DataCenter-Northeast"]`. A statement's clauses must all hold (AND); a clause holds when any
/// of its values matches (OR), or for negated operators when none does (NOR).
struct ConditionClause: Sendable, Equatable {
    let condition: ConditionOperator
    let key: String
    let values: [ValueTemplate]

    /// Nil when the clause holds, else a one-line reason for the audit trail.
    func failure(in context: RequestContext) -> String? {
        let requestValue = context.value(forKey: key)
        let elements = requestValue?.elements ?? []
        if holds(elements, in: context) { return nil }
        let have: String
        switch requestValue {
        case nil: have = "request has no such key"
        case .strings(let list) where list.isEmpty: have = "request has an empty set"
        case .strings(let list): have = "request has [\(list.map(Self.quoted).joined(separator: ", "))]"
        case let value?: have = "request has \(Self.quoted(value.text))"
        }
        let want = values.map { Self.quoted($0.source) }.joined(separator: ", ")
        return "\(condition.name) \(key) failed: \(have), policy values [\(want)]"
    }

    /// An empty multi-valued key counts as absent, for `Null` as for everything else.
    private func holds(_ elements: [ContextValue], in context: RequestContext) -> Bool {
        let isAbsent = elements.isEmpty
        if condition.test == .null {
            return values.contains { Self.parseBool($0.source) == isAbsent }
        }
        if isAbsent {
            if condition.ifExists { return true }
            switch condition.qualifier {
            case .forAllValues?: return true
            case .forAnyValue?: return false
            case nil: return condition.isNegated
            }
        }
        let resolved = values.compactMap { $0.resolve(in: context) }
        let matchesAny = { (element: ContextValue) in resolved.contains { self.test(element, $0) } }
        let satisfies = { (element: ContextValue) in self.condition.isNegated ? !matchesAny(element) : matchesAny(element) }
        switch condition.qualifier {
        case .forAnyValue?: return elements.contains(where: satisfies)
        case .forAllValues?: return elements.allSatisfy(satisfies)
        case nil:
            // A plain operator on a multi-valued key asks "does any value match?"; the negated form
            // is the exact negation of that, so StringNotEquals never disagrees with StringEquals.
            let anyMatch = elements.contains(where: matchesAny)
            return condition.isNegated ? !anyMatch : anyMatch
        }
    }

    /// The positive form of the operator applied to one request value and one policy value.
    private func test(_ element: ContextValue, _ policy: ResolvedValue) -> Bool {
        switch condition.test {
        case .string:
            return element.text == policy.text
        case .stringIgnoringCase:
            return element.text.lowercased() == policy.text.lowercased()
        case .stringLike:
            return WildcardPattern(policy.segments, ignoringCase: false).matches(element.text)
        case .numeric(let comparison):
            guard let left = Self.number(element), let right = Double(policy.text), right.isFinite else { return false }
            return comparison.holds(left, right)
        case .date(let comparison):
            guard let left = Self.date(element), let right = PolicyDate.parse(policy.text) else { return false }
            return comparison.holds(left, right)
        case .bool:
            guard let left = Self.bool(element), let right = Self.parseBool(policy.text) else { return false }
            return left == right
        case .binary:
            guard let left = Data(base64Encoded: element.text), let right = Data(base64Encoded: policy.text) else {
                return false
            }
            return left == right
        case .ipAddress:
            return IPAddressRange(policy.text)?.contains(element.text) ?? false
        case .arn:
            return ARNPattern.matches(policy, element.text)
        case .null:
            return false  // handled before any value comparison
        }
    }

    // MARK: - Request value conversions

    static func parseBool(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true": return true
        case "false": return false
        default: return nil
        }
    }

    private static func number(_ value: ContextValue) -> Double? {
        switch value {
        case .number(let number): return number.isFinite ? number : nil
        case .string(let text): return Double(text).flatMap { $0.isFinite ? $0 : nil }
        default: return nil
        }
    }

    private static func date(_ value: ContextValue) -> Double? {
        switch value {
        case .date(let date): return date.timeIntervalSince1970
        case .number(let seconds): return seconds.isFinite ? seconds : nil
        case .string(let text): return PolicyDate.parse(text)
        default: return nil
        }
    }

    private static func bool(_ value: ContextValue) -> Bool? {
        switch value {
        case .bool(let flag): return flag
        case .string(let text): return parseBool(text)
        default: return nil
        }
    }

    private static func quoted(_ text: String) -> String { "\"\(text)\"" }
}
