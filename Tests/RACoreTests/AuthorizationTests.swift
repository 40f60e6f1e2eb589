import Foundation
import RACore
import RATestSupport
import Testing

/// What is checked after authentication (spec §2.4): anchor, profile and role state, the role's
/// membership in the profile, roleSessionName, and the role's trust policy; plus where the ARNs
/// may travel.
struct AuthorizationTests {
    static let otherAnchor = "arn:aws:rolesanywhere:us-east-1:123456789012:trust-anchor/00000000-0000-4000-8000-00000000dead"
    static let otherProfile = "arn:aws:rolesanywhere:us-east-1:123456789012:profile/00000000-0000-4000-8000-00000000beef"
    static let otherRole = "arn:aws:iam::123456789012:role/SomeOtherRole"

    @Test("ARNs in the query (official helper) and in the body (Python client) both work")
    func placements() throws {
        let world = try TestWorld()
        let query = try world.request()
        #expect(query.rawQuery.hasPrefix("profileArn=arn%3Aaws%3Arolesanywhere%3Aus-east-1%3A123456789012%3Aprofile%2F"))
        #expect(String(decoding: query.body, as: UTF8.self) == #"{"durationSeconds":3600}"#)
        _ = try world.granted(query)

        let python = try world.requests.styled(.pythonClient).request(signedBy: world.client, at: world.now)
        #expect(python.rawQuery.isEmpty)
        #expect(String(decoding: python.body, as: UTF8.self).hasPrefix(#"{"durationSeconds": 3600, "profileArn": "arn:aws:rolesanywhere:"#))
        _ = try world.granted(python)

        let both = try world.requests.styled(.queryAndBody()).request(signedBy: world.client, at: world.now)
        _ = try world.granted(both)
    }

    @Test("an ARN that differs between query and body is a ValidationException", arguments: ["trustAnchorArn", "profileArn", "roleArn"])
    func conflictingPlacements(_ member: String) throws {
        let world = try TestWorld()
        let style: CreateSessionRequestFactory.Style = switch member {
        case "trustAnchorArn": .queryAndBody(trustAnchorArn: Self.otherAnchor)
        case "profileArn": .queryAndBody(profileArn: Self.otherProfile)
        default: .queryAndBody(roleArn: Self.otherRole)
        }
        let request = try world.requests.styled(style).request(signedBy: world.client, at: world.now)
        let failure = try world.refused(request)
        #expect(failure.code == .validation)
        #expect(failure.httpStatus == 400)
        #expect(failure.message == "1 validation error detected: \(member) appears in both the query string and the body with different values")
    }

    @Test("a request naming no ARNs is a ValidationException listing each")
    func missingARNs() throws {
        let world = try TestWorld()
        var factory = world.requests.styled(.pythonClient)
        factory.trustAnchorArn = ""
        factory.roleArn = ""
        let failure = try world.refused(try factory.request(signedBy: world.client, at: world.now))
        #expect(failure.code == .validation)
        #expect(failure.message == "2 validation errors detected: Value null at 'trustAnchorArn' failed to satisfy constraint: Member must not be null; "
            + "Value null at 'roleArn' failed to satisfy constraint: Member must not be null")
    }

    @Test("unknown trust anchor and profile ARNs are ResourceNotFoundException; an unknown role is AccessDenied")
    func unknownARNs() throws {
        let world = try TestWorld()
        var factory = world.requests
        factory.trustAnchorArn = Self.otherAnchor
        var failure = try world.refused(try factory.request(signedBy: world.client, at: world.now))
        #expect(failure.code == .resourceNotFound)
        #expect(failure.httpStatus == 404)
        #expect(failure.message == "Trust anchor \(Self.otherAnchor) was not found.")

        factory = world.requests
        factory.profileArn = Self.otherProfile
        failure = try world.refused(try factory.request(signedBy: world.client, at: world.now))
        #expect(failure.code == .resourceNotFound)
        #expect(failure.message == "Profile \(Self.otherProfile) was not found.")

        try world.updateProfile { $0.roleArns.append(Self.otherRole) }
        factory = world.requests
        factory.roleArn = Self.otherRole
        failure = try world.refused(try factory.request(signedBy: world.client, at: world.now))
        #expect(failure.code == .accessDenied)
        #expect(failure.message == "The requested role cannot be assumed.")
        #expect(failure.reason == "role \(Self.otherRole) does not exist")
    }

    @Test("a role that exists but is not listed in the profile is refused")
    func roleNotInProfile() throws {
        let world = try TestWorld()
        try world.store.write { tx in
            try tx.put(Role(roleId: "AROAOTHER", roleName: "SomeOtherRole", arn: Self.otherRole,
                            assumeRolePolicyDocument: TestWorld.articleTrustPolicy, createDate: world.now))
        }
        var factory = world.requests
        factory.roleArn = Self.otherRole
        let failure = try world.refused(try factory.request(signedBy: world.client, at: world.now))
        #expect(failure.code == .accessDenied)
        #expect(failure.httpStatus == 403)
        #expect(failure.message == "Requested Role isn't one of those listed in the Profile.")
        #expect(failure.reason == "role \(Self.otherRole) is not in profile EdgeServerProfile")
    }

    @Test("a disabled trust anchor makes the certificate untrusted")
    func disabledAnchor() throws {
        let world = try TestWorld()
        try world.updateTrustAnchor { $0.enabled = false }
        let failure = try world.refused(try world.request())
        #expect(failure.code == .accessDenied)
        #expect(failure.message == "Untrusted Signing Certificate")
        #expect(failure.reason == "trust anchor OnPremDataCenterAnchor (\(world.trustAnchor.trustAnchorArn)) is disabled")
    }

    @Test("a disabled profile is refused")
    func disabledProfile() throws {
        let world = try TestWorld()
        try world.updateProfile { $0.enabled = false }
        let failure = try world.refused(try world.request())
        #expect(failure.code == .accessDenied)
        #expect(failure.message == "Profile is disabled.")
        #expect(failure.reason == "profile EdgeServerProfile is disabled")
        try world.updateProfile { $0.enabled = true }
        _ = try world.granted(try world.request())
    }

    @Test("roleSessionName is refused unless the profile accepts it")
    func roleSessionNameRefused() throws {
        let world = try TestWorld()
        let failure = try world.refused(try world.request(roleSessionName: "backup-job-7"))
        #expect(failure.code == .accessDenied)
        #expect(failure.httpStatus == 403)
        #expect(failure.message == "Not authorized to set roleSessionName.")
    }

    @Test("with acceptRoleSessionName the requested name is the session name")
    func roleSessionNameAccepted() throws {
        let world = try TestWorld()
        try world.updateProfile { $0.acceptRoleSessionName = true }
        let result = try world.granted(try world.request(roleSessionName: "backup-job-7"))
        #expect(result.grant.sessionName == "backup-job-7")
        #expect(result.grant.assumedRoleArn == "arn:aws:sts::123456789012:assumed-role/EdgeBackupRole/backup-job-7")
        #expect(result.grant.assumedRoleId == "AROAEXAMPLEEDGEBACKUP:backup-job-7")
        let withoutName = try world.granted(try world.request())
        #expect(withoutName.grant.sessionName == world.client.certificate.serialNumber.hexString)
    }

    @Test("a roleSessionName outside STS's pattern is a ValidationException", arguments: ["x", "has space", String(repeating: "a", count: 65), "semi;colon"])
    func roleSessionNameInvalid(_ name: String) throws {
        let world = try TestWorld()
        try world.updateProfile { $0.acceptRoleSessionName = true }
        let failure = try world.refused(try world.request(roleSessionName: name))
        #expect(failure.code == .validation)
        #expect(failure.message.hasPrefix("1 validation error detected: Value '\(name)' at 'roleSessionName' failed to satisfy constraint"))
    }

    @Test("the article's trust policy refuses a certificate from another OU")
    func trustPolicyCondition() throws {
        let world = try TestWorld()
        let elsewhere = try world.leaf("CN=edge-02,OU=DataCenter-Southwest,O=Example Corp")
        let failure = try world.refused(try world.request(from: elsewhere))
        #expect(failure.code == .accessDenied)
        #expect(failure.httpStatus == 403)
        #expect(failure.message == "Not authorized to perform sts:AssumeRole on the requested role.")
        #expect(failure.reason.hasPrefix("trust policy of EdgeBackupRole does not allow sts:AssumeRole for rolesanywhere.amazonaws.com"),
                "reason was: \(failure.reason)")

        let noOU = try world.leaf("CN=edge-03,O=Example Corp")
        #expect(try world.refused(try world.request(from: noOU)).message == "Not authorized to perform sts:AssumeRole on the requested role.")
    }

    @Test("a trust policy that does not allow sts:TagSession refuses a certificate that yields tags")
    func tagSessionRequired() throws {
        let world = try TestWorld()
        try world.updateRole {
            $0.assumeRolePolicyDocument = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"rolesanywhere.amazonaws.com"},"Action":["sts:AssumeRole","sts:SetSourceIdentity"]}]}"#
        }
        let failure = try world.refused(try world.request())
        #expect(failure.reason.hasPrefix("trust policy of EdgeBackupRole does not allow sts:TagSession"), "reason was: \(failure.reason)")
    }

    @Test("a role whose trust policy does not parse is refused")
    func unparsableTrustPolicy() throws {
        let world = try TestWorld()
        try world.updateRole { $0.assumeRolePolicyDocument = "{not json" }
        let failure = try world.refused(try world.request())
        #expect(failure.code == .accessDenied)
        #expect(failure.reason == "trust policy of EdgeBackupRole does not parse")
    }

    @Test("aws:SourceArn in the trust policy sees the trust anchor ARN")
    func sourceArnCondition() throws {
        let world = try TestWorld()
        let policy = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"rolesanywhere.amazonaws.com"},"#
            + #""Action":["sts:AssumeRole","sts:TagSession","sts:SetSourceIdentity"],"#
            + #""Condition":{"ArnEquals":{"aws:SourceArn":"ANCHOR"},"StringEquals":{"sts:SourceIdentity":"CN=edge-01"}}}]}"#
        try world.updateRole { $0.assumeRolePolicyDocument = policy.replacingOccurrences(of: "ANCHOR", with: world.trustAnchor.trustAnchorArn) }
        _ = try world.granted(try world.request())
        try world.updateRole { $0.assumeRolePolicyDocument = policy.replacingOccurrences(of: "ANCHOR", with: Self.otherAnchor) }
        _ = try world.refused(try world.request())
    }

    @Test("a profile requiring instance properties refuses requests without them")
    func instanceProperties() throws {
        let world = try TestWorld()
        try world.updateProfile { $0.requireInstanceProperties = true }
        let failure = try world.refused(try world.request())
        #expect(failure.code == .accessDenied)
        #expect(failure.message == "The profile requires instanceProperties in the request.")
        _ = try world.granted(try world.request(instanceProperties: ["hostname": "edge-01"]))
        let subject = try world.store.read { try $0.subject(x509Subject: world.client.certificate.subject.rfc4514) }
        #expect(subject?.instanceProperties == ["hostname": "edge-01"])
    }
}
