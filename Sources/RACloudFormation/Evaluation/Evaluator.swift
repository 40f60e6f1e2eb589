/// Resolves a template's intrinsic functions against bound parameters, pseudo parameters and
/// the resources the deployer has created so far.
///
/// Conditions are evaluated once, when the evaluator is made, since they depend only on
/// parameters and mappings. `AWS::NoValue` removes the map entry or list element it appears
/// in; at the top of `evaluate` it yields `.null`.
public struct Evaluator {
    public let template: Template
    public let parameters: [String: TemplateValue]
    public let pseudoParameters: PseudoParameters
    let resolver: any ResourceResolver
    /// Every condition of the template, by name.
    public private(set) var conditionValues: [String: Bool] = [:]

    /// - Parameter parameters: the result of `template.bindParameters(_:)`.
    public init(template: Template, parameters: [String: TemplateValue], pseudoParameters: PseudoParameters,
                resolver: any ResourceResolver) throws(TemplateError) {
        self.template = template
        self.parameters = parameters
        self.pseudoParameters = pseudoParameters
        self.resolver = resolver
        var values: [String: Bool] = [:]
        for name in template.conditions.keys {
            var visiting: [String] = []
            _ = try conditionNamed(name, cache: &values, visiting: &visiting)
        }
        conditionValues = values
    }

    public func evaluate(_ value: TemplateValue) throws(TemplateError) -> TemplateValue {
        try resolve(value) ?? .null
    }

    /// The value of a named condition from the Conditions block.
    public func condition(_ name: String) throws(TemplateError) -> Bool {
        guard let value = conditionValues[name] else {
            throw .format("Unresolved condition dependencies [\(name)] in the Resources block of the template")
        }
        return value
    }

    /// False when the resource's `Condition` is false: the deployer skips it.
    public func isIncluded(_ resource: Resource) -> Bool {
        guard let condition = resource.condition else { return true }
        return conditionValues[condition] ?? false
    }

    /// Creation order of the resources whose conditions hold.
    public func creationOrder() throws(TemplateError) -> [String] {
        let included = Set(template.resources.filter(isIncluded).map(\.logicalId))
        return try template.creationOrder().filter { included.contains($0) }
    }

    /// The resource's properties with every function resolved and `AWS::NoValue` entries removed.
    /// Errors name the resource and property, as `resource X property Y: ...`.
    public func properties(of resource: Resource) throws(TemplateError) -> OrderedMap {
        var result = OrderedMap()
        for (key, value) in resource.properties {
            do {
                result[key] = try resolve(value)
            } catch {
                throw error.placed("resource \(resource.logicalId) property \(key)")
            }
        }
        return result
    }

    /// Outputs whose conditions hold, evaluated.
    public func outputs() throws(TemplateError) -> [EvaluatedOutput] {
        var results: [EvaluatedOutput] = []
        for output in template.outputs {
            if let condition = output.condition, conditionValues[condition] != true { continue }
            do throws(TemplateError) {
                guard let value = try resolve(output.value) else {
                    throw TemplateError.evaluation("the value is AWS::NoValue")
                }
                var exportName: String?
                if let export = output.exportName {
                    guard let name = try resolve(export)?.scalarText else {
                        throw TemplateError.evaluation("Export Name must be a string")
                    }
                    exportName = name
                }
                results.append(EvaluatedOutput(name: output.name, value: value, description: output.description,
                                               exportName: exportName))
            } catch {
                throw error.placed("output \(output.name)")
            }
        }
        return results
    }

    /// Resolves `value`; nil stands for `AWS::NoValue`.
    func resolve(_ value: TemplateValue) throws(TemplateError) -> TemplateValue? {
        switch value {
        case .list(let items):
            var resolved: [TemplateValue] = []
            resolved.reserveCapacity(items.count)
            for item in items {
                if let value = try resolve(item) { resolved.append(value) }
            }
            return .list(resolved)
        case .map(let map):
            if let (name, argument) = value.singleEntry, name == "Ref" || name.hasPrefix("Fn::") {
                return try call(name, argument)
            }
            var resolved = OrderedMap()
            for (key, item) in map {
                if let value = try resolve(item) { resolved[key] = value }
            }
            return .map(resolved)
        case .string, .number, .bool, .null:
            return value
        }
    }

    /// `Ref`: a pseudo parameter, a parameter, or a created resource.
    func reference(_ name: String) throws(TemplateError) -> TemplateValue? {
        if name == "AWS::NoValue" { return nil }
        if let value = pseudoParameters.value(name) { return value }
        if template.parameter(named: name) != nil {
            guard let value = parameters[name] else { throw .validation("Parameters: [\(name)] must have values") }
            return value
        }
        if template.resource(named: name) != nil {
            guard let value = resolver.ref(name) else {
                throw .evaluation("resource \(name) has not been created, so Ref \(name) cannot be resolved")
            }
            return value
        }
        throw .unresolved([name], in: "Resources")
    }

    /// `Fn::GetAtt`, asked of the resolver.
    func attribute(_ logicalId: String, _ attribute: String) throws(TemplateError) -> TemplateValue {
        guard template.resource(named: logicalId) != nil else {
            throw .evaluation("instance of Fn::GetAtt references undefined resource \(logicalId)")
        }
        do {
            return try resolver.getAtt(logicalId, attribute)
        } catch let error as TemplateError {
            throw error
        } catch {
            throw .evaluation("Fn::GetAtt \(logicalId).\(attribute) failed: \(error)")
        }
    }
}
