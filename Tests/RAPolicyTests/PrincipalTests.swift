import Testing
@testable import RAPolicy

@Suite("Principal and NotPrincipal")
struct PrincipalTests {
    private func decide(_ principalElement: String, _ principal: Principal?) throws -> Decision {
        let policy = try PolicyDocument.parse("""
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "sts:AssumeRole",
             \(principalElement)}}
            """)
        return PolicyEvaluator.evaluate([policy], in: RequestContext(principal: principal, action: "sts:AssumeRole",
                                                                      resource: PolicyTestSupport.role))
    }

    static let ra = Principal.service("rolesanywhere.amazonaws.com")
    static let roleInAccount = Principal.aws("arn:aws:iam::123456789012:role/path/Builder")
    static let sessionOfRole = Principal.aws("arn:aws:sts::123456789012:assumed-role/Builder/session-1")
    static let otherAccount = Principal.aws("arn:aws:iam::210987654321:user/alice")

    static let cases: [(String, Principal?, Bool)] = [
        (#""Principal": "*""#, ra, true),
        (#""Principal": "*""#, .anonymous, true),
        (#""Principal": "*""#, nil, false),
        (#""Principal": {"Service": "rolesanywhere.amazonaws.com"}"#, ra, true),
        (#""Principal": {"Service": ["ec2.amazonaws.com", "rolesanywhere.amazonaws.com"]}"#, ra, true),
        (#""Principal": {"Service": "ec2.amazonaws.com"}"#, ra, false),
        (#""Principal": {"Service": "rolesanywhere.amazonaws.com"}"#, roleInAccount, false),
        (#""Principal": {"AWS": "arn:aws:iam::123456789012:root"}"#, roleInAccount, true),
        (#""Principal": {"AWS": "arn:aws:iam::123456789012:root"}"#, sessionOfRole, true),
        (#""Principal": {"AWS": "arn:aws:iam::123456789012:root"}"#, otherAccount, false),
        (#""Principal": {"AWS": "arn:aws:iam::123456789012:root"}"#, .aws("123456789012"), true),
        (#""Principal": {"AWS": "arn:aws-cn:iam::123456789012:root"}"#, roleInAccount, false),
        (#""Principal": {"AWS": "123456789012"}"#, roleInAccount, true),
        (#""Principal": {"AWS": "123456789012"}"#, otherAccount, false),
        (#""Principal": {"AWS": "123456789012"}"#, ra, false),
        (#""Principal": {"AWS": "arn:aws:iam::123456789012:role/path/Builder"}"#, roleInAccount, true),
        (#""Principal": {"AWS": "arn:aws:iam::123456789012:role/path/Builder"}"#, sessionOfRole, true),
        (#""Principal": {"AWS": "arn:aws:iam::123456789012:role/Other"}"#, roleInAccount, false),
        (#""Principal": {"AWS": "arn:aws:iam::123456789012:role/Other"}"#, sessionOfRole, false),
        (#""Principal": {"AWS": "*"}"#, otherAccount, true),
        (#""Principal": {"AWS": "*"}"#, .anonymous, true),
        (#""Principal": {"AWS": "*"}"#, ra, false),
        (#""Principal": {"Federated": "accounts.google.com"}"#, roleInAccount, false),
        (#""NotPrincipal": {"AWS": "arn:aws:iam::123456789012:root"}"#, otherAccount, true),
        (#""NotPrincipal": {"AWS": "arn:aws:iam::123456789012:root"}"#, roleInAccount, false),
        (#""NotPrincipal": {"Service": "rolesanywhere.amazonaws.com"}"#, ra, false),
        (#""NotPrincipal": {"Service": "rolesanywhere.amazonaws.com"}"#, .anonymous, true),
        (#""NotPrincipal": {"Service": "rolesanywhere.amazonaws.com"}"#, nil, false),
    ]

    @Test(arguments: cases)
    func principalMatching(_ element: String, _ principal: Principal?, _ allowed: Bool) throws {
        #expect(try decide(element, principal) == (allowed ? .allow : .implicitDeny))
    }

    @Test func statementsWithoutPrincipalIgnoreTheCaller() throws {
        let policy = try PolicyDocument.parse(
            #"{"Statement": {"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "*"}}"#)
        for principal in [Self.ra, Self.otherAccount, .anonymous, nil] as [Principal?] {
            let context = RequestContext(principal: principal, action: "sts:AssumeRole", resource: PolicyTestSupport.role)
            #expect(PolicyEvaluator.evaluate([policy], in: context) == .allow)
        }
    }
}
