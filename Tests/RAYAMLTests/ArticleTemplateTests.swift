import Testing
import RACloudFormation

@Suite struct ArticleTemplateTests {
    @Test func parsesWithShortFormsExpanded() throws {
        let template = try Template.parse(ArticleTemplate.yaml)
        #expect(template.formatVersion == "2010-09-09")
        #expect(template.description == "Deploy IAM Roles Anywhere for On\u{2011}Premise Workloads")
        #expect(template.parameters == [Parameter(
            name: "CACertificateBody", type: .string,
            description: "The PEM\u{2011}encoded public key of your Certificate Authority.")])
        #expect(template.resources.map(\.logicalId) == ["EdgeTrustAnchor", "EdgeWorkloadRole", "EdgeProfile"])
        #expect(template.resources.map(\.type)
            == ["AWS::RolesAnywhere::TrustAnchor", "AWS::IAM::Role", "AWS::RolesAnywhere::Profile"])

        let anchor = try #require(template.resource(named: "EdgeTrustAnchor"))
        #expect(anchor.properties["Source"]?.jsonText
            == #"{"SourceData":{"X509CertificateData":{"Ref":"CACertificateBody"}},"SourceType":"CERTIFICATE_BUNDLE"}"#)
        #expect(anchor.properties["Enabled"] == .bool(true))

        let profile = try #require(template.resource(named: "EdgeProfile"))
        #expect(profile.properties["RoleArns"]?.jsonText == #"[{"Fn::GetAtt":["EdgeWorkloadRole","Arn"]}]"#)
        #expect(profile.properties["DurationSeconds"] == .number(3600))

        let role = try #require(template.resource(named: "EdgeWorkloadRole"))
        #expect(role.properties["AssumeRolePolicyDocument"]?.jsonText == """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"rolesanywhere.amazonaws.com"},\
            "Action":["sts:AssumeRole","sts:TagSession","sts:SetSourceIdentity"],\
            "Condition":{"StringEquals":{"aws:PrincipalTag/x509Subject/OU":"DataCenter-Northeast"}}}]}
            """)
        #expect(role.properties["ManagedPolicyArns"] == ["arn:aws:iam::aws:policy/AmazonS3FullAccess"])
    }

    @Test func jsonFormIsTheSameTemplate() throws {
        #expect(try Template.parse(ArticleTemplate.json) == Template.parse(ArticleTemplate.yaml))
    }

    @Test func certificateBodyIsRequired() throws {
        let template = try Template.parse(ArticleTemplate.yaml)
        #expect(throws: TemplateError(.validation, "Parameters: [CACertificateBody] must have values")) {
            try template.bindParameters([:])
        }
        let pem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"
        #expect(try template.bindParameters(["CACertificateBody": pem]) == ["CACertificateBody": .string(pem)])
    }

    @Test func evaluatesInDependencyOrder() throws {
        let template = try Template.parse(ArticleTemplate.yaml)
        #expect(try template.creationOrder() == ["EdgeTrustAnchor", "EdgeWorkloadRole", "EdgeProfile"])
        #expect(try template.dependencies(of: #require(template.resource(named: "EdgeProfile"))) == ["EdgeWorkloadRole"])

        let parameters = try template.bindParameters(["CACertificateBody": "PEM"])
        var resolver = FakeResolver()
        let roleArn = "arn:aws:iam::123456789012:role/EdgeBackupRole"
        resolver.attributes["EdgeWorkloadRole"] = ["Arn": .string(roleArn)]
        let evaluator = try Evaluator(template: template, parameters: parameters, pseudoParameters: testPseudo,
                                      resolver: resolver)
        let anchor = try evaluator.properties(of: #require(template.resource(named: "EdgeTrustAnchor")))
        #expect(anchor.jsonText == #"{"Name":"OnPremDataCenterAnchor","Enabled":true,"Source":{"SourceData":{"X509CertificateData":"PEM"},"SourceType":"CERTIFICATE_BUNDLE"}}"#)
        let profile = try evaluator.properties(of: #require(template.resource(named: "EdgeProfile")))
        #expect(profile.jsonText == #"{"Name":"EdgeServerProfile","DurationSeconds":3600,"Enabled":true,"RoleArns":["\#(roleArn)"]}"#)

        let missing = try Evaluator(template: template, parameters: parameters, pseudoParameters: testPseudo,
                                    resolver: FakeResolver())
        #expect(throws: TemplateError(.evaluation, "resource EdgeProfile property RoleArns: resource EdgeWorkloadRole "
            + "does not support attribute type Arn in Fn::GetAtt")) {
            try missing.properties(of: #require(template.resource(named: "EdgeProfile")))
        }
    }
}

extension OrderedMap {
    var jsonText: String { TemplateValue.map(self).jsonText }
}
