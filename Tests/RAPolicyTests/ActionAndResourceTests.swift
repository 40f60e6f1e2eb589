import Testing
@testable import RAPolicy

@Suite("Action and Resource matching")
struct ActionAndResourceTests {
    private func decide(_ statement: String, action: String, resource: String = PolicyTestSupport.role) throws
        -> Decision {
        let policy = try PolicyDocument.parse("{\"Version\": \"2012-10-17\", \"Statement\": \(statement)}")
        return PolicyEvaluator.evaluate([policy], in: RequestContext(principal: nil, action: action, resource: resource))
    }

    static let actionCases: [(String, String, Bool)] = [
        ("sts:AssumeRole", "sts:AssumeRole", true),
        ("sts:AssumeRole", "STS:assumerole", true),
        ("STS:ASSUMEROLE", "sts:AssumeRole", true),
        ("sts:AssumeRole", "sts:AssumeRoleWithSAML", false),
        ("sts:*", "sts:TagSession", true),
        ("sts:*", "iam:PassRole", false),
        ("sts:Assume*", "sts:AssumeRoleWithWebIdentity", true),
        ("sts:Assume*", "sts:TagSession", false),
        ("sts:?agSession", "sts:TagSession", true),
        ("sts:?agSession", "sts:TTagSession", false),
        ("*", "rolesanywhere:CreateTrustAnchor", true),
        ("rolesanywhere:*TrustAnchor*", "rolesanywhere:ListTrustAnchors", true),
    ]

    @Test(arguments: actionCases)
    func actionWildcardsMatchCaseInsensitively(_ pattern: String, _ action: String, _ allowed: Bool) throws {
        let decision = try decide("{\"Effect\": \"Allow\", \"Action\": \"\(pattern)\", \"Resource\": \"*\"}",
                                  action: action)
        #expect(decision == (allowed ? .allow : .implicitDeny))
    }

    @Test func actionArrayMatchesAnyEntry() throws {
        let statement = #"{"Effect": "Allow", "Action": ["sts:AssumeRole", "sts:TagSession"], "Resource": "*"}"#
        #expect(try decide(statement, action: "sts:TagSession") == .allow)
        #expect(try decide(statement, action: "sts:SetSourceIdentity") == .implicitDeny)
    }

    @Test func notActionAppliesToEverythingElse() throws {
        let statement = #"{"Effect": "Allow", "NotAction": ["iam:*", "sts:TagSession"], "Resource": "*"}"#
        #expect(try decide(statement, action: "sts:AssumeRole") == .allow)
        #expect(try decide(statement, action: "IAM:CreateUser") == .implicitDeny)
        #expect(try decide(statement, action: "sts:tagsession") == .implicitDeny)
    }

    static let resourceCases: [(String, String, Bool)] = [
        ("*", "arn:aws:iam::123456789012:role/workload", true),
        ("arn:aws:iam::123456789012:role/workload", "arn:aws:iam::123456789012:role/workload", true),
        ("arn:aws:iam::123456789012:role/workload", "arn:aws:iam::123456789012:role/Workload", false),
        ("arn:aws:iam::123456789012:role/*", "arn:aws:iam::123456789012:role/path/workload", true),
        ("arn:aws:iam::*:role/workload", "arn:aws:iam::999999999999:role/workload", true),
        ("arn:aws:iam::123456789012:role/work?oad", "arn:aws:iam::123456789012:role/workload", true),
        ("arn:aws:iam::123456789012:role/work?oad", "arn:aws:iam::123456789012:role/workxload", false),
        ("arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket/a/b:c", true),
        ("arn:aws:s3:::bucket/*", "arn:aws:s3:::other/a", false),
        ("arn:*", "arn:aws:s3:::anything", true),
    ]

    @Test(arguments: resourceCases)
    func resourceWildcardsMatchCaseSensitively(_ pattern: String, _ resource: String, _ allowed: Bool) throws {
        let decision = try decide("{\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"\(pattern)\"}",
                                  action: "s3:GetObject", resource: resource)
        #expect(decision == (allowed ? .allow : .implicitDeny))
    }

    @Test func notResourceAppliesToEveryOtherResource() throws {
        let statement = #"{"Effect": "Deny", "Action": "*", "NotResource": "arn:aws:s3:::public/*"}"#
        let allow = #"{"Effect": "Allow", "Action": "*", "Resource": "*"}"#
        let both = "[\(statement), \(allow)]"
        #expect(try decide(both, action: "s3:GetObject", resource: "arn:aws:s3:::public/x") == .allow)
        #expect(try decide(both, action: "s3:GetObject", resource: "arn:aws:s3:::private/x")
                == .explicitDeny(statementSid: nil))
    }

    @Test func statementsWithoutResourceApplyToAnyResource() throws {
        let statement = #"{"Effect": "Allow", "Action": "sts:AssumeRole"}"#
        #expect(try decide(statement, action: "sts:AssumeRole", resource: "arn:aws:iam::1:role/x") == .allow)
    }
}
