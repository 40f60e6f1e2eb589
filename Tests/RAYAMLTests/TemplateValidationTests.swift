import Testing
import RACloudFormation

@Suite struct TemplateValidationTests {
    /// Structural and reference errors, with CloudFormation's wording.
    @Test(arguments: [
        ("Resources:\n  A:\n    Type: T\n    Properties:\n      X: !Ref Foo\n",
         "Template format error: Unresolved resource dependencies [Foo] in the Resources block of the template"),
        ("Resources:\n  A: {Type: T, DependsOn: [Foo, Bar]}\n",
         "Template format error: Unresolved resource dependencies [Foo, Bar] in the Resources block of the template"),
        ("Resources:\n  A: {Type: T}\nOutputs:\n  O: {Value: !Sub '${Missing}'}\n",
         "Template format error: Unresolved resource dependencies [Missing] in the Outputs block of the template"),
        ("Resources:\n  A: {Type: T, Properties: {X: !GetAtt Nope.Arn}}\n",
         "Template error: instance of Fn::GetAtt references undefined resource Nope"),
        ("Resources:\n  A: {Type: T, Properties: {X: {'Fn::Foo': 1}}}\n",
         "Template format error: Encountered unsupported function: Fn::Foo"),
        ("Resources:\n  A: {Type: T, Properties: {X: !ImportValue Shared}}\n", nil),
        ("Conditions:\n  C: !Equals [!Ref A, x]\nResources:\n  A: {Type: T}\n",
         "Template format error: Unresolved dependencies [A]. Cannot reference resources in the Conditions block of the template"),
        ("Resources:\n  A: {Type: T, Condition: Missing}\n",
         "Template format error: Unresolved condition dependencies [Missing] in the Resources block of the template"),
        ("Resources:\n  A: {Properties: {}}\n",
         "Template format error: [/Resources/A] Every Resources object must contain a Type member."),
        ("Resources:\n  A: {Type: T, Propertes: {}}\n",
         "Template format error: [/Resources/A] Invalid template resource property 'Propertes'"),
        ("Resources:\n  My-Thing: {Type: T}\n", "Template format error: Resource name My-Thing is non alphanumeric."),
        ("Description: x\n", "Template format error: At least one Resources member must be defined."),
        ("Resource:\n  A: {Type: T}\n", "Template format error: Invalid template property or properties [Resource]"),
        ("Transform: AWS::Serverless-2016-10-31\nResources:\n  A: {Type: T}\n",
         "Template format error: Transform is not supported by this server"),
        ("AWSTemplateFormatVersion: 2011-01-01\nResources:\n  A: {Type: T}\n",
         "Template format error: Unsupported template format version 2011-01-01"),
        ("Parameters:\n  P: {Default: x}\nResources:\n  A: {Type: T}\n",
         "Template format error: Every Parameters object must contain a Type member."),
        ("Parameters:\n  P: {Type: Strin}\nResources:\n  A: {Type: T}\n",
         "Template format error: Unrecognized parameter type: Strin"),
        ("Resources:\n  A: {Type: T}\nOutputs:\n  O: {Description: x}\n",
         "Template format error: Every Outputs member must contain a Value object"),
        ("Resources:\n  A: {Type: T}\n  B:\n    Type: T\n    Properties:\n      X: !Ref [a, b]\n",
         "Template format error: Every Ref object must have a single String value."),
        ("Resources:\n  A:\n    Type: T\n  B: x: y\n",
         "Template format error: YAML not well-formed. (line 4, column 7: mapping values are not allowed in this context)"),
        ("- just a list\n", "Template format error: unsupported structure."),
        ("  {\"Resources\": {\"A\": {\"Type\": \"T\"}},}",
         "Template format error: JSON not well-formed. (line 1, column 38): expected a string key"),
    ] as [(String, String?)])
    func structureErrors(text: String, message: String?) {
        if let message {
            #expect {
                try Template.parse(text)
            } throws: { error in
                (error as? TemplateError)?.message == message
            }
        } else {
            #expect(throws: Never.self) { try Template.parse(text) }
        }
    }

    @Test func outputsEvaluateWithConditionsAndExports() throws {
        let template = try Template.parse("""
            Parameters:
              Env: {Type: String, Default: dev}
            Conditions:
              IsProd: !Equals [!Ref Env, prod]
            Resources:
              Anchor: {Type: AWS::RolesAnywhere::TrustAnchor}
            Outputs:
              AnchorArn:
                Description: The anchor
                Value: !GetAtt Anchor.TrustAnchorArn
                Export:
                  Name: !Sub "${AWS::StackName}-anchor"
              ProdOnly:
                Condition: IsProd
                Value: yes
            """)
        var resolver = FakeResolver()
        resolver.attributes["Anchor"] = ["TrustAnchorArn": "arn:aws:rolesanywhere:eu-west-1:123456789012:trust-anchor/ta"]
        let evaluator = try Evaluator(template: template, parameters: template.bindParameters([:]),
                                      pseudoParameters: testPseudo, resolver: resolver)
        #expect(try evaluator.outputs() == [EvaluatedOutput(
            name: "AnchorArn", value: "arn:aws:rolesanywhere:eu-west-1:123456789012:trust-anchor/ta",
            description: "The anchor", exportName: "edge-anchor")])
    }
}
