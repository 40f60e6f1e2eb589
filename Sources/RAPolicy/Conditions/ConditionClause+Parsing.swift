extension ConditionClause {
    /// Parses a statement's `Condition` block: `{ operator: { key: value | [values] } }`.
    ///
    /// Values may be strings, numbers or booleans; IAM compares them as text, so they are kept as
    /// text (`10` becomes `"10"`, `true` becomes `"true"`).
    static func parseBlock(_ value: JSONValue, version: PolicyVersion) throws(PolicyError) -> [ConditionClause] {
        guard case .object(let operators) = value else {
            throw .syntax("Condition must be an object, not \(value.kindDescription)")
        }
        var clauses: [ConditionClause] = []
        for block in operators {
            guard let condition = ConditionOperator(block.key) else { throw .conditionType(block.key) }
            guard case .object(let keys) = block.value, !keys.isEmpty else {
                throw .syntax("Condition \(block.key) must be a non-empty object")
            }
            for entry in keys {
                try validateKey(entry.key)
                let texts = try conditionValues(entry.value, operatorName: block.key, key: entry.key)
                let templates = texts.map { ValueTemplate($0, substitutingVariables: version.substitutesVariables) }
                for template in templates where !template.hasVariables {
                    if let expected = condition.problem(withLiteral: template.source) {
                        throw .conditionValue(block.key, entry.key, template.source, expected)
                    }
                }
                clauses.append(ConditionClause(condition: condition, key: entry.key, values: templates))
            }
        }
        return clauses
    }

    private static func validateKey(_ key: String) throws(PolicyError) {
        let pieces = key.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard pieces.count == 2, !pieces[0].isEmpty, !pieces[1].isEmpty else { throw .vendorPrefix(key) }
    }

    private static func conditionValues(_ value: JSONValue, operatorName: String, key: String)
        throws(PolicyError) -> [String] {
        func scalar(_ value: JSONValue) throws(PolicyError) -> String {
            switch value {
            case .string(let text): return text
            case .number(let literal): return literal
            case .bool(let flag): return flag ? "true" : "false"
            default:
                throw .syntax("Condition \(operatorName) \(key) has \(value.kindDescription) where a value belongs")
            }
        }
        guard case .array(let items) = value else { return [try scalar(value)] }
        guard !items.isEmpty else { throw .syntax("Condition \(operatorName) \(key) has no values") }
        var texts: [String] = []
        for item in items { texts.append(try scalar(item)) }
        return texts
    }
}
