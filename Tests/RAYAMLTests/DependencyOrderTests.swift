import Testing
import RACloudFormation

@Suite struct DependencyOrderTests {
    @Test func referencesAndDependsOnOrderResources() throws {
        let template = try Template.parse("""
            Parameters:
              P: {Type: String, Default: x}
            Resources:
              Profile:
                Type: AWS::RolesAnywhere::Profile
                Properties:
                  RoleArns: [!GetAtt Role.Arn]
                  Name: !Sub "${Anchor}-${P}-${AWS::Region}"
              Anchor:
                Type: AWS::RolesAnywhere::TrustAnchor
                DependsOn: Crl
                Properties:
                  Name: !If [C, !Ref Role, plain]
              Role:
                Type: AWS::IAM::Role
              Crl:
                Type: AWS::RolesAnywhere::CRL
                Properties:
                  Name: !Sub ["${X}", {X: !Ref Role}]
              Lone:
                Type: AWS::IAM::Role
            Conditions:
              C: !Equals [!Ref P, x]
            """)
        let profile = try #require(template.resource(named: "Profile"))
        #expect(try template.dependencies(of: profile) == ["Anchor", "Role"])
        #expect(try template.creationOrder() == ["Role", "Crl", "Anchor", "Profile", "Lone"])
    }

    @Test(arguments: [
        ("""
         Resources:
           A: {Type: T, Properties: {X: !Ref B}}
           B: {Type: T, Properties: {X: !GetAtt A.Arn}}
           C: {Type: T, DependsOn: A}
         """, "Circular dependency between resources: [A, B]"),
        ("""
         Resources:
           First: {Type: T}
           Self: {Type: T, DependsOn: Self}
         """, "Circular dependency between resources: [Self]"),
        ("""
         Resources:
           A: {Type: T, Properties: {X: !Sub "${C.Arn}"}}
           B: {Type: T, DependsOn: A}
           C: {Type: T, DependsOn: [B]}
           D: {Type: T, DependsOn: [C]}
         """, "Circular dependency between resources: [A, B, C]"),
    ])
    func cyclesAreReported(text: String, message: String) throws {
        let template = try Template.parse(text)
        #expect(throws: TemplateError(.validation, message)) { try template.creationOrder() }
    }
}
