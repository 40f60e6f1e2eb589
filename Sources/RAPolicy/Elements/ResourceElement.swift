/// A statement's `Resource` or `NotResource`.
///
/// Matching is case-sensitive and component-wise for ARNs (see `ARNPattern`); policy variables are
/// substituted per request, and a value whose variable cannot be resolved matches nothing.
struct ResourceElement: Sendable, Equatable {
    /// True for `NotResource`: the statement applies to every resource the values do not match.
    let isNegated: Bool
    let values: [ValueTemplate]

    static func parse(_ value: JSONValue, negated: Bool, version: PolicyVersion) throws(PolicyError)
        -> ResourceElement {
        let resources = try value.stringList(element: negated ? "NotResource" : "Resource")
        guard !resources.isEmpty else { throw .missingResources }
        for resource in resources where resource != "*" && !resource.hasPrefix("arn:") {
            throw .resource(resource)
        }
        return ResourceElement(
            isNegated: negated,
            values: resources.map { ValueTemplate($0, substitutingVariables: version.substitutesVariables) })
    }

    func applies(to resource: String, in context: RequestContext) -> Bool {
        let covered = values.contains { template in
            template.resolve(in: context).map { ARNPattern.matches($0, resource) } ?? false
        }
        return isNegated != covered
    }
}
