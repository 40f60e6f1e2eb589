import Foundation

extension Evaluator {
    /// Functions recognised so templates using them parse, but refused when evaluated: they need
    /// other stacks, macros or address arithmetic this server does not provide.
    static let unsupportedFunctions: Set<String> = ["Fn::ImportValue", "Fn::Cidr", "Fn::Transform"]

    func call(_ name: String, _ argument: TemplateValue) throws(TemplateError) -> TemplateValue? {
        switch name {
        case "Ref":
            guard case .string(let target) = argument else {
                throw .format("Every Ref object must have a single String value.")
            }
            return try reference(target)
        case "Fn::GetAtt":
            let (resource, attributeExpression) = try IntrinsicReferences.getAttArguments(argument)
            guard let expression = attributeExpression, let attributeName = try resolve(expression)?.scalarText,
                  !attributeName.isEmpty else {
                throw .evaluation("every Fn::GetAtt object requires two non-empty parameters")
            }
            return try attribute(resource, attributeName)
        case "Fn::Sub": return .string(try substitute(argument))
        case "Fn::Join": return try join(argument)
        case "Fn::If": return try choose(argument)
        case "Fn::Select": return try select(argument)
        case "Fn::Split": return try split(argument)
        case "Fn::Base64":
            guard let text = try resolve(argument)?.scalarText else {
                throw .evaluation("every Fn::Base64 object must have a single String value")
            }
            return .string(Data(text.utf8).base64EncodedString())
        case "Fn::FindInMap": return try findInMap(argument)
        case "Fn::GetAZs":
            let region = try resolve(argument)?.scalarText ?? ""
            let name = region.isEmpty ? pseudoParameters.region : region
            return .list(["a", "b", "c"].map { .string(name + $0) })
        case "Fn::ToJsonString":
            guard let value = try resolve(argument), value.listValue != nil || value.mapValue != nil else {
                throw .evaluation("Fn::ToJsonString requires an object or a list")
            }
            return .string(value.jsonText)
        case "Fn::Length":
            guard case .list(let items)? = try resolve(argument) else {
                throw .evaluation("Fn::Length requires a list")
            }
            return .number(Double(items.count))
        case "Fn::Equals", "Fn::Not", "Fn::And", "Fn::Or":
            var cache = conditionValues
            var visiting: [String] = []
            return .bool(try conditionValue([name: argument], cache: &cache, visiting: &visiting))
        default:
            if Self.unsupportedFunctions.contains(name) {
                throw .evaluation("\(name) is not supported by this server")
            }
            throw .format("Encountered unsupported function: \(name)")
        }
    }

    /// `Fn::Sub`: `${Name}` from the variable map, else a parameter, pseudo parameter or
    /// resource `Ref`; `${Resource.Attribute}` from `Fn::GetAtt`.
    private func substitute(_ argument: TemplateValue) throws(TemplateError) -> String {
        let (text, variableExpressions) = try IntrinsicReferences.subArguments(argument)
        var variables: [String: TemplateValue] = [:]
        for (key, expression) in variableExpressions ?? OrderedMap() {
            variables[key] = try resolve(expression)
        }
        var output = ""
        for part in SubstitutionString(text).parts {
            switch part {
            case .literal(let literal):
                output += literal
            case .variable(let variable):
                let value: TemplateValue?
                if variableExpressions?.contains(variable) == true {
                    value = variables[variable]
                } else if let dot = variable.firstIndex(of: "."), !Template.pseudoParameterNames.contains(variable) {
                    value = try attribute(String(variable[..<dot]), String(variable[variable.index(after: dot)...]))
                } else {
                    value = try reference(variable)
                }
                guard let text = value?.scalarText else {
                    throw .evaluation("variable \(variable) in Fn::Sub must resolve to a string")
                }
                output += text
            }
        }
        return output
    }

    private func join(_ argument: TemplateValue) throws(TemplateError) -> TemplateValue {
        let shape = TemplateError.evaluation("every Fn::Join object requires two parameters, (1) a string "
            + "delimiter and (2) a list of strings to be joined or a function that returns a list of strings "
            + "(such as Fn::GetAZs) to be joined.")
        guard case .list(let items) = argument, items.count == 2, case .string(let delimiter) = items[0],
              case .list(let values)? = try resolve(items[1]) else { throw shape }
        var texts: [String] = []
        for value in values {
            guard let text = value.scalarText else { throw shape }
            texts.append(text)
        }
        return .string(texts.joined(separator: delimiter))
    }

    private func choose(_ argument: TemplateValue) throws(TemplateError) -> TemplateValue? {
        guard case .list(let items) = argument, items.count == 3, case .string(let name) = items[0] else {
            throw .evaluation("every Fn::If object requires three parameters")
        }
        guard let holds = conditionValues[name] else {
            throw .format("Unresolved condition dependencies [\(name)] in the Resources block of the template")
        }
        return try resolve(holds ? items[1] : items[2])
    }

    private func select(_ argument: TemplateValue) throws(TemplateError) -> TemplateValue? {
        let shape = TemplateError.evaluation("Fn::Select requires a list argument with two elements: "
            + "an integer index and a list")
        guard case .list(let items) = argument, items.count == 2,
              let indexText = try resolve(items[0])?.scalarText, let index = Int(indexText),
              case .list(let values)? = try resolve(items[1]) else { throw shape }
        guard values.indices.contains(index) else {
            throw .evaluation("Fn::Select cannot select nonexistent value at index \(index)")
        }
        return values[index]
    }

    private func split(_ argument: TemplateValue) throws(TemplateError) -> TemplateValue {
        guard case .list(let items) = argument, items.count == 2, case .string(let delimiter) = items[0],
              !delimiter.isEmpty, let text = try resolve(items[1])?.scalarText else {
            throw .evaluation("every Fn::Split object requires two parameters, (1) a string delimiter and (2) a "
                + "string to be split or a function that returns a string to be split.")
        }
        return .list(text.split(separator: delimiter, omittingEmptySubsequences: false).map { .string(String($0)) })
    }

    private func findInMap(_ argument: TemplateValue) throws(TemplateError) -> TemplateValue {
        guard case .list(let items) = argument, items.count == 3 else {
            throw .evaluation("every Fn::FindInMap object requires three parameters, the map name, map key "
                + "and the attribute for return value")
        }
        var keys: [String] = []
        for item in items {
            guard let key = try resolve(item)?.scalarText else {
                throw .evaluation("every Fn::FindInMap object requires three parameters, the map name, map key "
                    + "and the attribute for return value")
            }
            keys.append(key)
        }
        guard let value = template.mappings[keys[0]]?.mapValue?[keys[1]]?.mapValue?[keys[2]] else {
            throw .evaluation("Unable to get mapping for \(keys.joined(separator: "::"))")
        }
        return value
    }
}
