/// Checks, before anything is deployed, that every name a template uses exists: a typo should
/// fail validation, not half-way through creating a stack.
struct TemplateReferenceCheck {
    let template: Template

    private var parameterNames: Set<String> { Set(template.parameters.map(\.name)) }
    private var resourceNames: Set<String> { Set(template.resources.map(\.logicalId)) }
    private var conditionNames: Set<String> { Set(template.conditions.keys) }

    func run() throws(TemplateError) {
        try checkConditionsBlock()
        try checkResources()
        try checkOutputs()
    }

    private func checkConditionsBlock() throws(TemplateError) {
        let parameters = parameterNames
        var unresolved: [String] = []
        var missingConditions: [String] = []
        for (_, expression) in template.conditions {
            let references = try IntrinsicReferences(expression, inConditions: true)
            for name in references.refs where !parameters.contains(name) && !Template.pseudoParameterNames.contains(name) {
                unresolved.appendIfNew(name)
            }
            for name in references.getAttTargets { unresolved.appendIfNew(name) }
            for name in references.conditions where !conditionNames.contains(name) { missingConditions.appendIfNew(name) }
        }
        if !unresolved.isEmpty {
            throw .format("Unresolved dependencies [\(unresolved.joined(separator: ", "))]. "
                + "Cannot reference resources in the Conditions block of the template")
        }
        if !missingConditions.isEmpty {
            throw .format("Unresolved condition dependencies [\(missingConditions.joined(separator: ", "))] "
                + "in the Conditions block of the template")
        }
    }

    private func checkResources() throws(TemplateError) {
        var unresolved: [String] = []
        var missingConditions: [String] = []
        for resource in template.resources {
            let references = try IntrinsicReferences(.map(resource.properties))
            collect(references, into: &unresolved, missingConditions: &missingConditions)
            for name in resource.dependsOn where !resourceNames.contains(name) { unresolved.appendIfNew(name) }
            if let condition = resource.condition, !conditionNames.contains(condition) {
                missingConditions.appendIfNew(condition)
            }
            try checkGetAttTargets(references)
        }
        try report(unresolved, missingConditions, block: "Resources")
    }

    private func checkOutputs() throws(TemplateError) {
        var unresolved: [String] = []
        var missingConditions: [String] = []
        for output in template.outputs {
            var values = [output.value]
            if let exportName = output.exportName { values.append(exportName) }
            let references = try IntrinsicReferences(.list(values))
            collect(references, into: &unresolved, missingConditions: &missingConditions)
            if let condition = output.condition, !conditionNames.contains(condition) {
                missingConditions.appendIfNew(condition)
            }
            try checkGetAttTargets(references)
        }
        try report(unresolved, missingConditions, block: "Outputs")
    }

    private func collect(_ references: IntrinsicReferences, into unresolved: inout [String],
                         missingConditions: inout [String]) {
        let parameters = parameterNames
        let resources = resourceNames
        for name in references.refs
        where !parameters.contains(name) && !resources.contains(name) && !Template.pseudoParameterNames.contains(name) {
            unresolved.appendIfNew(name)
        }
        for name in references.conditions where !conditionNames.contains(name) { missingConditions.appendIfNew(name) }
    }

    private func checkGetAttTargets(_ references: IntrinsicReferences) throws(TemplateError) {
        if let name = references.getAttTargets.first(where: { !resourceNames.contains($0) }) {
            throw .evaluation("instance of Fn::GetAtt references undefined resource \(name)")
        }
    }

    private func report(_ unresolved: [String], _ missingConditions: [String],
                        block: String) throws(TemplateError) {
        if !unresolved.isEmpty { throw .unresolved(unresolved, in: block) }
        if !missingConditions.isEmpty {
            throw .format("Unresolved condition dependencies [\(missingConditions.joined(separator: ", "))] "
                + "in the \(block) block of the template")
        }
    }
}

extension Array where Element == String {
    mutating func appendIfNew(_ name: String) {
        if !contains(name) { append(name) }
    }
}
