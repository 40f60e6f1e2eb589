import Testing
@testable import RAPolicy

@Suite("Policy evaluation logic")
struct PolicyEvaluatorTests {
    private let context = RequestContext(principal: .aws("arn:aws:iam::123456789012:user/alice"),
                                         action: "rolesanywhere:DeleteTrustAnchor",
                                         resource: "arn:aws:rolesanywhere:us-east-1:123456789012:trust-anchor/ta-1",
                                         keys: ["aws:ResourceTag/env": .string("prod")])

    private let allowAll = #"{"Version": "2012-10-17", "Statement": {"Sid": "All", "Effect": "Allow", "Action": "rolesanywhere:*", "Resource": "*"}}"#
    private let denyProd = #"""
        {"Version": "2012-10-17", "Statement": {"Sid": "NoProd", "Effect": "Deny", "Action": "rolesanywhere:Delete*",
         "Resource": "*", "Condition": {"StringEquals": {"aws:ResourceTag/env": "prod"}}}}
        """#

    @Test func noPoliciesMeansImplicitDeny() {
        let result = PolicyEvaluator.evaluateExplaining([], in: context)
        #expect(result.decision == .implicitDeny)
        #expect(result.reasons == [
            "implicit deny: no statement allows rolesanywhere:DeleteTrustAnchor on "
                + "arn:aws:rolesanywhere:us-east-1:123456789012:trust-anchor/ta-1",
        ])
    }

    @Test func explicitDenyBeatsAllowInAnyOrder() throws {
        let allow = try PolicyDocument.parse(allowAll)
        let deny = try PolicyDocument.parse(denyProd)
        #expect(PolicyEvaluator.evaluate([allow, deny], in: context) == .explicitDeny(statementSid: "NoProd"))
        #expect(PolicyEvaluator.evaluate([deny, allow], in: context) == .explicitDeny(statementSid: "NoProd"))
        let result = PolicyEvaluator.evaluateExplaining([allow, deny], in: context)
        #expect(result.reasons == [
            "policy 1 statement 'All' (Allow) applies",
            "policy 2 statement 'NoProd' (Deny) applies",
            "explicit deny: policy 2 statement 'NoProd' denies rolesanywhere:DeleteTrustAnchor on "
                + "arn:aws:rolesanywhere:us-east-1:123456789012:trust-anchor/ta-1",
        ])
    }

    @Test func denyThatDoesNotApplyLeavesTheAllow() throws {
        var staging = context
        staging.keys["aws:ResourceTag/env"] = .string("staging")
        let policies = [try PolicyDocument.parse(allowAll), try PolicyDocument.parse(denyProd)]
        let result = PolicyEvaluator.evaluateExplaining(policies, in: staging)
        #expect(result.decision == .allow)
        #expect(result.reasons.last == "allow: policy 1 statement 'All' allows rolesanywhere:DeleteTrustAnchor on "
                + "arn:aws:rolesanywhere:us-east-1:123456789012:trust-anchor/ta-1")
        #expect(result.decision.isAllowed)
    }

    @Test func denyWithoutSidIsNamedByPosition() throws {
        let policy = try PolicyDocument.parse("""
            {"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"},
                           {"Effect": "Deny", "Action": "rolesanywhere:*", "Resource": "*"}]}
            """)
        let result = PolicyEvaluator.evaluateExplaining([policy], in: context)
        #expect(result.decision == .explicitDeny(statementSid: nil))
        #expect(result.reasons[1] == "policy 1 statement #2 (Deny) applies")
    }

    @Test func requestContextKeysCanBeReplaced() {
        var request = context
        request.keys = ["AWS:ResourceTag/Env": .string("dev")]
        #expect(request.value(forKey: "aws:resourcetag/env") == .string("dev"))
        #expect(request.value(forKey: "aws:ResourceTag/env") == .string("dev"))
        #expect(request.value(forKey: "aws:ResourceTag/other") == nil)
    }
}
