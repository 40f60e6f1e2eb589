extension Template {
    /// Turns the caller's parameter text into the values `Ref` returns, applying defaults and
    /// every declared constraint.
    ///
    /// As in CloudFormation, `Number` parameters are checked as numbers but referenced as
    /// strings, and list types (`CommaDelimitedList`, `List<...>`) become lists of strings with
    /// surrounding spaces trimmed. Messages never include the value, so `NoEcho` secrets stay out
    /// of logs.
    public func bindParameters(_ given: [String: String]) throws(TemplateError) -> [String: TemplateValue] {
        let declared = Set(parameters.map(\.name))
        let unknown = given.keys.filter { !declared.contains($0) }.sorted()
        guard unknown.isEmpty else {
            throw .validation("Parameters: [\(unknown.joined(separator: ", "))] do not exist in the template")
        }
        let missing = parameters.filter { given[$0.name] == nil && $0.defaultValue == nil }.map(\.name)
        guard missing.isEmpty else {
            throw .validation("Parameters: [\(missing.joined(separator: ", "))] must have values")
        }
        var bound: [String: TemplateValue] = [:]
        for parameter in parameters {
            guard let text = given[parameter.name] ?? parameter.defaultValue else { continue }
            bound[parameter.name] = try parameter.bind(text)
        }
        return bound
    }
}

extension Parameter {
    /// Checks one value against this parameter's constraints and returns what `Ref` yields.
    func bind(_ text: String) throws(TemplateError) -> TemplateValue {
        guard type.isList else {
            try check(text)
            return .string(text)
        }
        let items = text.split(separator: ",", omittingEmptySubsequences: false).map { item in
            String(item.drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
        }
        for item in items { try check(item) }
        return .list(items.map { .string($0) })
    }

    private var isNumeric: Bool { type == .number || type == .numberList }

    private func check(_ value: String) throws(TemplateError) {
        if isNumeric {
            guard let number = Double(value), number.isFinite else {
                throw .validation("Parameter '\(name)' must be a number")
            }
            if let minValue, number < minValue {
                throw violation("must be a number not less than \(TemplateValue.numberText(minValue))")
            }
            if let maxValue, number > maxValue {
                throw violation("must be a number not greater than \(TemplateValue.numberText(maxValue))")
            }
        } else {
            if let minLength, value.count < minLength {
                throw violation("must contain at least \(minLength) characters")
            }
            if let maxLength, value.count > maxLength {
                throw violation("must contain at most \(maxLength) characters")
            }
        }
        if let allowedValues, !allowedValues.contains(value) {
            throw violation("must be one of AllowedValues")
        }
        if let allowedPattern {
            let regex: Regex<AnyRegexOutput>
            do {
                regex = try Regex(allowedPattern)
            } catch {
                throw .format("Parameter '\(name)' has an invalid AllowedPattern")
            }
            if (try? regex.wholeMatch(in: value)) == nil {
                throw violation("must match pattern \(allowedPattern)")
            }
        }
    }

    /// CloudFormation replaces its own wording with `ConstraintDescription` when one is given.
    private func violation(_ wording: String) -> TemplateError {
        if let constraintDescription {
            return .validation("Parameter '\(name)' failed to satisfy constraint: \(constraintDescription)")
        }
        return .validation("Parameter '\(name)' \(wording)")
    }
}
