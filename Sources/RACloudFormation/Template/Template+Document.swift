extension Template {
    private static let sections: Set<String> = [
        "AWSTemplateFormatVersion", "Description", "Metadata", "Parameters", "Mappings", "Conditions",
        "Resources", "Outputs",
    ]
    private static let unsupportedSections: Set<String> = ["Transform", "Rules"]
    private static let resourceKeys: Set<String> = [
        "Type", "Properties", "DependsOn", "Condition", "DeletionPolicy", "UpdateReplacePolicy", "Metadata",
        "CreationPolicy", "UpdatePolicy",
    ]
    private static let parameterKeys: Set<String> = [
        "Type", "Default", "AllowedValues", "AllowedPattern", "NoEcho", "Description", "ConstraintDescription",
        "MinLength", "MaxLength", "MinValue", "MaxValue",
    ]
    private static let outputKeys: Set<String> = ["Value", "Description", "Condition", "Export"]

    /// Builds a template from its JSON-model document (what `TemplateValue(jsonText:)` or
    /// `TemplateValue(yaml:)` produce) and checks structure and references.
    public init(document: TemplateValue) throws(TemplateError) {
        guard case .map(let root) = document else { throw .format("unsupported structure.") }
        let unknown = root.keys.filter { !Self.sections.contains($0) && !Self.unsupportedSections.contains($0) }
        guard unknown.isEmpty else {
            throw .format("Invalid template property or properties [\(unknown.joined(separator: ", "))]")
        }
        if let section = root.keys.first(where: { Self.unsupportedSections.contains($0) }) {
            throw .format("\(section) is not supported by this server")
        }

        var formatVersion: String?
        if let version = root["AWSTemplateFormatVersion"] {
            guard version.scalarText == "2010-09-09" else {
                throw .format("Unsupported template format version \(version.scalarText ?? version.jsonText)")
            }
            formatVersion = "2010-09-09"
        }
        var description: String?
        if let value = root["Description"], !value.isNull {
            guard case .string(let text) = value else { throw .format("Description must be a string") }
            description = text
        }

        self.init(formatVersion: formatVersion, description: description,
                  parameters: try Self.parseParameters(root["Parameters"]),
                  mappings: try Self.parseMappings(root["Mappings"]),
                  conditions: try Self.section(root["Conditions"], named: "Conditions"),
                  resources: try Self.parseResources(root["Resources"]),
                  outputs: try Self.parseOutputs(root["Outputs"]))
        try TemplateReferenceCheck(template: self).run()
    }

    private static func section(_ value: TemplateValue?, named name: String) throws(TemplateError) -> OrderedMap {
        switch value {
        case nil, .null?: return OrderedMap()
        case .map(let map)?: return map
        default: throw .format("\(name) must be an object")
        }
    }

    private static func isAlphanumeric(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }
    }

    // MARK: Parameters

    private static func parseParameters(_ value: TemplateValue?) throws(TemplateError) -> [Parameter] {
        var parameters: [Parameter] = []
        for (name, body) in try section(value, named: "Parameters") {
            guard isAlphanumeric(name) else { throw .format("Parameter name \(name) is non alphanumeric.") }
            guard case .map(let fields) = body, let typeValue = fields["Type"] else {
                throw .format("Every Parameters object must contain a Type member.")
            }
            if let key = fields.keys.first(where: { !parameterKeys.contains($0) }) {
                throw .format("Invalid template parameter property '\(key)'")
            }
            guard let typeName = typeValue.stringValue else { throw .format("Parameter \(name) Type must be a string") }
            guard let type = ParameterType(typeName: typeName) else {
                throw .format("Unrecognized parameter type: \(typeName)")
            }
            var parameter = Parameter(name: name, type: type)
            parameter.defaultValue = try text(fields["Default"], "Default", of: name)
            parameter.description = try text(fields["Description"], "Description", of: name)
            parameter.constraintDescription = try text(fields["ConstraintDescription"], "ConstraintDescription", of: name)
            parameter.allowedPattern = try text(fields["AllowedPattern"], "AllowedPattern", of: name)
            if let allowed = fields["AllowedValues"] {
                guard case .list(let items) = allowed else {
                    throw .format("AllowedValues of parameter \(name) must be a list")
                }
                var values: [String] = []
                for item in items {
                    guard let value = item.scalarText else {
                        throw .format("AllowedValues of parameter \(name) must be strings")
                    }
                    values.append(value)
                }
                parameter.allowedValues = values
            }
            if let noEcho = fields["NoEcho"] {
                switch noEcho.scalarText?.lowercased() {
                case "true": parameter.noEcho = true
                case "false": parameter.noEcho = false
                default: throw .format("NoEcho of parameter \(name) must be a boolean")
                }
            }
            parameter.minLength = try number(fields["MinLength"], "MinLength", of: name).map { Int($0) }
            parameter.maxLength = try number(fields["MaxLength"], "MaxLength", of: name).map { Int($0) }
            parameter.minValue = try number(fields["MinValue"], "MinValue", of: name)
            parameter.maxValue = try number(fields["MaxValue"], "MaxValue", of: name)
            parameters.append(parameter)
        }
        return parameters
    }

    /// Scalars only: CloudFormation keeps parameter attributes as text, so `Default: 3` is "3".
    private static func text(_ value: TemplateValue?, _ field: String, of name: String) throws(TemplateError) -> String? {
        guard let value, !value.isNull else { return nil }
        guard let text = value.scalarText else { throw .format("\(field) of parameter \(name) must be a string") }
        return text
    }

    private static func number(_ value: TemplateValue?, _ field: String, of name: String) throws(TemplateError) -> Double? {
        guard let value, !value.isNull else { return nil }
        guard let text = value.scalarText, let number = Double(text), number.isFinite else {
            throw .format("\(field) of parameter \(name) must be a number")
        }
        if field.hasSuffix("Length"), number < 0 || number != number.rounded() || number > Double(Int32.max) {
            throw .format("\(field) of parameter \(name) must be a non-negative integer")
        }
        return number
    }

    // MARK: Mappings

    private static func parseMappings(_ value: TemplateValue?) throws(TemplateError) -> OrderedMap {
        let mappings = try section(value, named: "Mappings")
        for (name, body) in mappings {
            guard case .map(let topLevel) = body else { throw .format("Every Mappings member \(name) must be a map") }
            for (key, second) in topLevel {
                guard case .map(let leaves) = second else {
                    throw .format("Every Mappings member \(name) must be a map; \(key) is not")
                }
                for (_, leaf) in leaves {
                    switch leaf {
                    case .map, .null: throw .format("Every Mappings attribute must be a String or a List.")
                    case .list(let items) where items.contains(where: { $0.scalarText == nil }):
                        throw .format("Every Mappings attribute must be a String or a List.")
                    default: continue
                    }
                }
            }
        }
        return mappings
    }

    // MARK: Resources

    private static func parseResources(_ value: TemplateValue?) throws(TemplateError) -> [Resource] {
        let section = try section(value, named: "Resources")
        guard !section.isEmpty else { throw .format("At least one Resources member must be defined.") }
        var resources: [Resource] = []
        for (logicalId, body) in section {
            guard isAlphanumeric(logicalId) else { throw .format("Resource name \(logicalId) is non alphanumeric.") }
            guard case .map(let fields) = body, case .string(let type)? = fields["Type"] else {
                throw .format("[/Resources/\(logicalId)] Every Resources object must contain a Type member.")
            }
            if let key = fields.keys.first(where: { !resourceKeys.contains($0) }) {
                throw .format("[/Resources/\(logicalId)] Invalid template resource property '\(key)'")
            }
            var resource = Resource(logicalId: logicalId, type: type)
            switch fields["Properties"] {
            case nil, .null?: break
            case .map(let properties)?: resource.properties = properties
            default: throw .format("[/Resources/\(logicalId)/Properties] Properties must be an object")
            }
            switch fields["DependsOn"] {
            case nil, .null?: break
            case .string(let name)?: resource.dependsOn = [name]
            case .list(let items)?:
                for item in items {
                    guard case .string(let name) = item else {
                        throw .format("[/Resources/\(logicalId)/DependsOn] DependsOn must be a string or a list of strings")
                    }
                    resource.dependsOn.append(name)
                }
            default:
                throw .format("[/Resources/\(logicalId)/DependsOn] DependsOn must be a string or a list of strings")
            }
            if let condition = fields["Condition"] {
                guard case .string(let name) = condition else {
                    throw .format("[/Resources/\(logicalId)/Condition] Condition must be a string")
                }
                resource.condition = name
            }
            resource.deletionPolicy = try policy(fields["DeletionPolicy"], "DeletionPolicy", of: logicalId)
            resource.updateReplacePolicy = try policy(fields["UpdateReplacePolicy"], "UpdateReplacePolicy", of: logicalId)
            resources.append(resource)
        }
        return resources
    }

    private static func policy(_ value: TemplateValue?, _ field: String,
                               of logicalId: String) throws(TemplateError) -> DeletionPolicy? {
        guard let value else { return nil }
        guard case .string(let text) = value, let policy = DeletionPolicy(rawValue: text) else {
            let allowed = DeletionPolicy.allCases.map(\.rawValue).joined(separator: ", ")
            throw .format("[/Resources/\(logicalId)/\(field)] \(field) must be one of [\(allowed)]")
        }
        return policy
    }

    // MARK: Outputs

    private static func parseOutputs(_ value: TemplateValue?) throws(TemplateError) -> [Output] {
        var outputs: [Output] = []
        for (name, body) in try section(value, named: "Outputs") {
            guard isAlphanumeric(name) else { throw .format("Output name \(name) is non alphanumeric.") }
            guard case .map(let fields) = body, let outputValue = fields["Value"] else {
                throw .format("Every Outputs member must contain a Value object")
            }
            if let key = fields.keys.first(where: { !outputKeys.contains($0) }) {
                throw .format("[/Outputs/\(name)] Invalid template output property '\(key)'")
            }
            var output = Output(name: name, value: outputValue)
            if let description = fields["Description"] {
                guard case .string(let text) = description else {
                    throw .format("[/Outputs/\(name)/Description] Description must be a string")
                }
                output.description = text
            }
            if let condition = fields["Condition"] {
                guard case .string(let text) = condition else {
                    throw .format("[/Outputs/\(name)/Condition] Condition must be a string")
                }
                output.condition = text
            }
            if let export = fields["Export"] {
                guard case .map(let exportFields) = export, let exportName = exportFields["Name"] else {
                    throw .format("[/Outputs/\(name)/Export] Export must contain a Name")
                }
                output.exportName = exportName
            }
            outputs.append(output)
        }
        return outputs
    }
}
