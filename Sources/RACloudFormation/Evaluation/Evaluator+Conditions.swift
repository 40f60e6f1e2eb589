extension Evaluator {
    /// Evaluates a named condition, remembering results and refusing conditions that refer to
    /// themselves through others.
    func conditionNamed(_ name: String, cache: inout [String: Bool],
                        visiting: inout [String]) throws(TemplateError) -> Bool {
        if let known = cache[name] { return known }
        guard let expression = template.conditions[name] else {
            throw .format("Unresolved condition dependencies [\(name)] in the Conditions block of the template")
        }
        guard !visiting.contains(name) else {
            throw .format("Circular dependency between conditions: [\((visiting + [name]).joined(separator: ", "))]")
        }
        visiting.append(name)
        let value = try conditionValue(expression, cache: &cache, visiting: &visiting)
        visiting.removeLast()
        cache[name] = value
        return value
    }

    /// `Fn::Equals`, `Fn::Not`, `Fn::And`, `Fn::Or` and `{"Condition": name}`. `Fn::Equals`
    /// compares scalars by their text, so `true` equals `"true"` and `1` equals `"1"`.
    func conditionValue(_ expression: TemplateValue, cache: inout [String: Bool],
                        visiting: inout [String]) throws(TemplateError) -> Bool {
        if case .bool(let literal) = expression { return literal }
        guard let (name, argument) = expression.singleEntry else {
            throw .format("Conditions can only be boolean operations on parameters and mappings")
        }
        switch name {
        case "Condition":
            guard case .string(let other) = argument else {
                throw .format("Every Condition reference must be a single String value.")
            }
            return try conditionNamed(other, cache: &cache, visiting: &visiting)
        case "Fn::Equals":
            guard case .list(let items) = argument, items.count == 2 else {
                throw .evaluation("Fn::Equals requires a list of two values")
            }
            let left = try resolve(items[0]) ?? .null
            let right = try resolve(items[1]) ?? .null
            if let leftText = left.scalarText, let rightText = right.scalarText { return leftText == rightText }
            return left == right
        case "Fn::Not":
            guard case .list(let items) = argument, items.count == 1 else {
                throw .evaluation("Fn::Not requires a list of one condition")
            }
            return try !conditionValue(items[0], cache: &cache, visiting: &visiting)
        case "Fn::And", "Fn::Or":
            guard case .list(let items) = argument, (2...10).contains(items.count) else {
                throw .evaluation("\(name) requires a list of 2 to 10 conditions")
            }
            let wantAll = name == "Fn::And"
            for item in items {
                let value = try conditionValue(item, cache: &cache, visiting: &visiting)
                if wantAll && !value { return false }
                if !wantAll && value { return true }
            }
            return wantAll
        default:
            throw .format("\(name) cannot be used as a condition")
        }
    }
}
