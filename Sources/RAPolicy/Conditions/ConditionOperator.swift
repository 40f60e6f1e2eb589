/// A condition operator name taken apart: set qualifier, base test, negation, `IfExists`.
///
/// Names are matched case-insensitively (a policy saying `stringEquals` means what it says);
/// unknown names make the document malformed, because silently ignoring a condition would widen
/// what the policy allows.
struct ConditionOperator: Sendable, Equatable {
    /// How a multi-valued request key is reduced to one answer.
    enum SetQualifier: Sendable, Equatable {
        /// At least one request value must satisfy the test; an absent or empty key fails.
        case forAnyValue
        /// Every request value must satisfy the test; an absent or empty key passes.
        case forAllValues
    }

    enum Comparison: Sendable, Equatable {
        case equals, lessThan, lessThanEquals, greaterThan, greaterThanEquals

        func holds(_ left: Double, _ right: Double) -> Bool {
            switch self {
            case .equals: return left == right
            case .lessThan: return left < right
            case .lessThanEquals: return left <= right
            case .greaterThan: return left > right
            case .greaterThanEquals: return left >= right
            }
        }
    }

    /// The comparison family; negated operators share the family of their positive form.
    enum Test: Sendable, Equatable {
        case string, stringIgnoringCase, stringLike
        case numeric(Comparison), date(Comparison)
        case bool, binary, ipAddress, arn, null
    }

    /// The operator exactly as the document wrote it, for explanations.
    let name: String
    let test: Test
    /// `StringNotEquals`, `NotIpAddress`, …: true when no policy value matches.
    let isNegated: Bool
    let ifExists: Bool
    let qualifier: SetQualifier?

    /// Nil for an unknown operator, or for `Null` combined with `IfExists` or a set qualifier
    /// (both are meaningless for a test of presence).
    init?(_ name: String) {
        var base = Substring(name.lowercased())
        var qualifier: SetQualifier?
        if base.hasPrefix("foranyvalue:") {
            qualifier = .forAnyValue
            base = base.dropFirst("foranyvalue:".count)
        } else if base.hasPrefix("forallvalues:") {
            qualifier = .forAllValues
            base = base.dropFirst("forallvalues:".count)
        }
        var ifExists = false
        if base.hasSuffix("ifexists") {
            ifExists = true
            base = base.dropLast("ifexists".count)
        }
        guard let entry = Self.baseOperators[String(base)] else { return nil }
        let (test, isNegated) = entry
        if test == .null, ifExists || qualifier != nil { return nil }
        self.name = name
        self.test = test
        self.isNegated = isNegated
        self.ifExists = ifExists
        self.qualifier = qualifier
    }

    private static let baseOperators: [String: (Test, Bool)] = [
        "stringequals": (.string, false),
        "stringnotequals": (.string, true),
        "stringequalsignorecase": (.stringIgnoringCase, false),
        "stringnotequalsignorecase": (.stringIgnoringCase, true),
        "stringlike": (.stringLike, false),
        "stringnotlike": (.stringLike, true),
        "numericequals": (.numeric(.equals), false),
        "numericnotequals": (.numeric(.equals), true),
        "numericlessthan": (.numeric(.lessThan), false),
        "numericlessthanequals": (.numeric(.lessThanEquals), false),
        "numericgreaterthan": (.numeric(.greaterThan), false),
        "numericgreaterthanequals": (.numeric(.greaterThanEquals), false),
        "dateequals": (.date(.equals), false),
        "datenotequals": (.date(.equals), true),
        "datelessthan": (.date(.lessThan), false),
        "datelessthanequals": (.date(.lessThanEquals), false),
        "dategreaterthan": (.date(.greaterThan), false),
        "dategreaterthanequals": (.date(.greaterThanEquals), false),
        "bool": (.bool, false),
        "binaryequals": (.binary, false),
        "ipaddress": (.ipAddress, false),
        "notipaddress": (.ipAddress, true),
        "arnequals": (.arn, false),
        "arnnotequals": (.arn, true),
        "arnlike": (.arn, false),
        "arnnotlike": (.arn, true),
        "null": (.null, false),
    ]

    /// Why a literal policy value cannot work with this operator (nil when it can), so typos such
    /// as `"NumericLessThan": {"k": "ten"}` are caught when the policy is stored.
    func problem(withLiteral value: String) -> String? {
        switch test {
        case .numeric:
            return Double(value).map { $0.isFinite } == true ? nil : "a number"
        case .date:
            return PolicyDate.parse(value) == nil ? "an ISO 8601 date or epoch seconds" : nil
        case .bool, .null:
            return ConditionClause.parseBool(value) == nil ? "true or false" : nil
        case .ipAddress:
            return IPAddressRange(value) == nil ? "an IPv4 or IPv6 address or CIDR block" : nil
        case .string, .stringIgnoringCase, .stringLike, .binary, .arn:
            return nil
        }
    }
}
