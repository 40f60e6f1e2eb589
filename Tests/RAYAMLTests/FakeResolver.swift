import RACloudFormation

/// Stands in for the deployer: resources "created" so far, with their attributes.
struct FakeResolver: ResourceResolver {
    var refs: [String: TemplateValue] = [:]
    var attributes: [String: [String: TemplateValue]] = [:]

    func ref(_ logicalId: String) -> TemplateValue? { refs[logicalId] }

    func getAtt(_ logicalId: String, _ attribute: String) throws -> TemplateValue {
        guard let value = attributes[logicalId]?[attribute] else {
            throw TemplateError(.evaluation, "resource \(logicalId) does not support attribute type \(attribute) in Fn::GetAtt")
        }
        return value
    }
}

let testPseudo = PseudoParameters(accountId: "123456789012", region: "eu-west-1", stackName: "edge",
                                  stackId: "arn:aws:cloudformation:eu-west-1:123456789012:stack/edge/1")
