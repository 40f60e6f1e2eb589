import Testing
@testable import RAPolicy

/// The trust policy from the IAM Roles Anywhere user guide, restricted to one OU.
@Suite("Roles Anywhere trust policy")
struct TrustPolicyTests {
    static let json = """
        {
          "Version": "2012-10-17",
          "Statement": [{
            "Sid": "RolesAnywhere",
            "Effect": "Allow",
            "Principal": {"Service": "rolesanywhere.amazonaws.com"},
            "Action": ["sts:AssumeRole", "sts:TagSession", "sts:SetSourceIdentity"],
            "Condition": {"StringEquals": {"aws:PrincipalTag/x509Subject/OU": "DataCenter-Northeast"}}
          }]
        }
        """
    static let service = Principal.service("rolesanywhere.amazonaws.com")

    private func context(action: String = "sts:AssumeRole", principal: Principal? = service,
                         ou: String?) -> RequestContext {
        var keys: [String: ContextValue] = [
            "aws:PrincipalTag/x509Subject/CN": .string("workload-1"),
            "aws:SourceArn": .string("arn:aws:rolesanywhere:us-east-1:123456789012:trust-anchor/ta-1"),
        ]
        if let ou { keys["aws:PrincipalTag/x509Subject/OU"] = .string(ou) }
        return RequestContext(principal: principal, action: action, resource: PolicyTestSupport.role, keys: keys)
    }

    @Test(arguments: ["sts:AssumeRole", "sts:TagSession", "sts:SetSourceIdentity"])
    func allowsTheMatchingOU(_ action: String) throws {
        let policy = try PolicyDocument.parse(Self.json, kind: .trust)
        #expect(PolicyEvaluator.evaluate([policy], in: context(action: action, ou: "DataCenter-Northeast")) == .allow)
    }

    @Test func implicitlyDeniesAnotherOUAndExplainsWhy() throws {
        let policy = try PolicyDocument.parse(Self.json, kind: .trust)
        let result = PolicyEvaluator.evaluateExplaining([policy], in: context(ou: "DataCenter-Southwest"))
        #expect(result.decision == .implicitDeny)
        #expect(result.reasons == [
            "policy 1 statement 'RolesAnywhere' (Allow) does not apply: condition StringEquals "
                + "aws:PrincipalTag/x509Subject/OU failed: request has \"DataCenter-Southwest\", "
                + "policy values [\"DataCenter-Northeast\"]",
            "implicit deny: no statement allows sts:AssumeRole on arn:aws:iam::123456789012:role/workload",
        ])
    }

    @Test func implicitlyDeniesAMissingOU() throws {
        let policy = try PolicyDocument.parse(Self.json, kind: .trust)
        let result = PolicyEvaluator.evaluateExplaining([policy], in: context(ou: nil))
        #expect(result.decision == .implicitDeny)
        #expect(result.reasons.first == "policy 1 statement 'RolesAnywhere' (Allow) does not apply: condition "
                + "StringEquals aws:PrincipalTag/x509Subject/OU failed: request has no such key, "
                + "policy values [\"DataCenter-Northeast\"]")
    }

    @Test func deniesOtherPrincipalsAndActions() throws {
        let policy = try PolicyDocument.parse(Self.json, kind: .trust)
        let other = PolicyEvaluator.evaluateExplaining(
            [policy], in: context(principal: .service("ec2.amazonaws.com"), ou: "DataCenter-Northeast"))
        #expect(other.decision == .implicitDeny)
        #expect(other.reasons.first == "policy 1 statement 'RolesAnywhere' (Allow) does not apply: "
                + "principal service ec2.amazonaws.com is not in Principal")
        let wrongAction = PolicyEvaluator.evaluateExplaining(
            [policy], in: context(action: "sts:AssumeRoleWithSAML", ou: "DataCenter-Northeast"))
        #expect(wrongAction.decision == .implicitDeny)
        #expect(wrongAction.reasons.first == "policy 1 statement 'RolesAnywhere' (Allow) does not apply: "
                + "action sts:AssumeRoleWithSAML is not in Action")
    }

    @Test func unmappedAttributeFailsStringEqualsButPassesStringNotEquals() throws {
        let policy = try PolicyDocument.parse("""
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Principal": {"Service": "rolesanywhere.amazonaws.com"}, "Action": "sts:AssumeRole",
               "Condition": {"StringNotEquals": {"aws:PrincipalTag/x509Issuer/O": "Evil Corp"}}}]}
            """, kind: .trust)
        #expect(PolicyEvaluator.evaluate([policy], in: context(ou: nil)) == .allow)
    }

    @Test func splitPolicyWithSourceArnRestriction() throws {
        let policy = try PolicyDocument.parse("""
            {"Version": "2012-10-17", "Statement": [
              {"Sid": "Assume", "Effect": "Allow", "Principal": {"Service": "rolesanywhere.amazonaws.com"},
               "Action": ["sts:AssumeRole", "sts:SetSourceIdentity"],
               "Condition": {"ArnEquals": {"aws:SourceArn": "arn:aws:rolesanywhere:us-east-1:123456789012:trust-anchor/ta-1"}}},
              {"Sid": "Tags", "Effect": "Allow", "Principal": {"Service": "rolesanywhere.amazonaws.com"},
               "Action": "sts:TagSession"}]}
            """, kind: .trust)
        #expect(PolicyEvaluator.evaluate([policy], in: context(ou: nil)) == .allow)
        var otherAnchor = context(ou: nil)
        otherAnchor.keys["aws:SourceArn"] = .string("arn:aws:rolesanywhere:us-east-1:123456789012:trust-anchor/ta-2")
        #expect(PolicyEvaluator.evaluate([policy], in: otherAnchor) == .implicitDeny)
        var tagging = otherAnchor
        tagging.action = "sts:TagSession"
        #expect(PolicyEvaluator.evaluate([policy], in: tagging) == .allow)
    }
}
