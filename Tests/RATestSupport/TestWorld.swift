import Foundation
import RACore
import RACrypto
import RAHTTP

/// A ready in-memory deployment of the article's example: an `InMemoryStore` holding the trust
/// anchor (the test root CA), the `EdgeServerProfile` profile and the `EdgeBackupRole` role whose
/// trust policy requires `x509Subject/OU = DataCenter-Northeast`, plus a client certificate that
/// satisfies it. Tests change one thing (`updateProfile`, `updateRole`, …) and send requests.
public final class TestWorld: Sendable {
    public static let accountId = ServiceConfiguration.defaultAccountId
    public static let region = ServiceConfiguration.defaultRegion
    public static let trustAnchorId = "0f3ce5c1-5d1f-4b7a-9e2b-4a8d1c6e7f01"
    public static let profileId = "7a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
    public static let roleName = "EdgeBackupRole"
    public static let roleId = "AROAEXAMPLEEDGEBACKUP"
    /// 32 bytes, key id 1: tokens are reproducible across runs but never valid outside tests.
    public static let sessionKey: [UInt8] = Array(0..<32)

    /// The article's trust policy, verbatim in JSON.
    public static let articleTrustPolicy = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow",\
        "Principal":{"Service":"rolesanywhere.amazonaws.com"},\
        "Action":["sts:AssumeRole","sts:TagSession","sts:SetSourceIdentity"],\
        "Condition":{"StringEquals":{"aws:PrincipalTag/x509Subject/OU":"DataCenter-Northeast"}}}]}
        """

    public let now: Date
    public let configuration: ServiceConfiguration
    public let pki: TestPKI
    public let store: InMemoryStore
    public let codec: SessionTokenCodec
    public let clock: FixedClock
    public let trustAnchor: TrustAnchor
    public let profile: Profile
    public let role: Role
    /// `CN=edge-01,OU=DataCenter-Northeast,O=Example Corp`, issued by the intermediate, which it sends as its chain.
    public let client: TestPKI.Identity
    /// Signs for this world's ARNs, official-helper style.
    public let requests: CreateSessionRequestFactory
    public let calls: SessionCallFactory

    public init(now: Date = TestPKI.referenceDate, configuration: ServiceConfiguration = ServiceConfiguration()) throws {
        self.now = now
        self.configuration = configuration
        pki = try TestPKI(now: now)
        store = InMemoryStore()
        codec = SessionTokenCodec(keys: [1: Self.sessionKey], currentKeyId: 1)
        clock = FixedClock(now)
        let anchorArn = configuration.trustAnchorArn(id: Self.trustAnchorId)
        trustAnchor = TrustAnchor(trustAnchorId: Self.trustAnchorId, trustAnchorArn: anchorArn, name: "OnPremDataCenterAnchor",
                                  enabled: true, source: .init(sourceType: .certificateBundle, x509CertificateData: pki.root.certificate.pem),
                                  createdAt: now - TestPKI.day, updatedAt: now - TestPKI.day)
        role = Role(roleId: Self.roleId, roleName: Self.roleName, arn: configuration.roleArn(path: "/", name: Self.roleName),
                    assumeRolePolicyDocument: Self.articleTrustPolicy,
                    managedPolicyArns: ["arn:aws:iam::aws:policy/AmazonS3FullAccess"], createDate: now - TestPKI.day)
        profile = Profile(profileId: Self.profileId, profileArn: configuration.profileArn(id: Self.profileId),
                          name: "EdgeServerProfile", enabled: true, roleArns: [role.arn], durationSeconds: 3600,
                          createdAt: now - TestPKI.day, updatedAt: now - TestPKI.day)
        client = try pki.leaf()
        requests = CreateSessionRequestFactory(region: configuration.region, trustAnchorArn: anchorArn,
                                               profileArn: profile.profileArn, roleArn: role.arn)
        calls = SessionCallFactory(region: configuration.region)
        let (anchor, profile, role) = (trustAnchor, profile, role)
        try store.write { tx in
            try tx.put(anchor)
            try tx.put(profile)
            try tx.put(role)
        }
    }

    /// The CreateSession use case over this world's store, minting credentials locally.
    public func service(clock: (any Clock)? = nil) -> CreateSessionService {
        CreateSessionService(configuration: configuration, store: store, cache: TrustStateCache(store: store),
                             issuer: LocalCredentialIssuer(codec: codec), clock: clock ?? self.clock)
    }

    /// The STS-side authenticator for credentials this world issued.
    public func callerAuthenticator() -> CallerAuthenticator {
        CallerAuthenticator(codec: codec, configuration: configuration)
    }

    /// Signs a request from `identity` (the world's client by default) at `now` (offset by `skew`).
    public func request(from identity: TestPKI.Identity? = nil, skew: TimeInterval = 0, durationSeconds: Int? = 3600,
                        roleSessionName: String? = nil, instanceProperties: [String: String]? = nil,
                        chain: [Certificate]? = nil, breaking: [CreateSessionRequestFactory.Breakage] = []) throws -> HTTPRequest {
        try requests.request(signedBy: identity ?? client, at: now + skew, durationSeconds: durationSeconds,
                             roleSessionName: roleSessionName, instanceProperties: instanceProperties, chain: chain,
                             breaking: breaking)
    }

    /// A leaf from the intermediate with `subject`, otherwise acceptable; `change` bends the spec.
    public func leaf(_ subject: String = "CN=edge-01,OU=DataCenter-Northeast,O=Example Corp",
                     change: (inout CertificateSpec) throws -> Void = { _ in }) throws -> TestPKI.Identity {
        try pki.leaf(try pki.leafSpec(subject).with(change))
    }

    public func updateProfile(_ change: (inout Profile) -> Void) throws {
        var updated = try store.read { try $0.profile(id: Self.profileId) } ?? profile
        change(&updated)
        try store.write { try $0.put(updated) }
    }

    public func updateRole(_ change: (inout Role) -> Void) throws {
        var updated = try store.read { try $0.role(name: Self.roleName) } ?? role
        change(&updated)
        try store.write { try $0.put(updated) }
    }

    public func updateTrustAnchor(_ change: (inout TrustAnchor) -> Void) throws {
        var updated = try store.read { try $0.trustAnchor(id: Self.trustAnchorId) } ?? trustAnchor
        change(&updated)
        try store.write { try $0.put(updated) }
    }

    /// Makes the trust anchor hold exactly `certificates` (PEM bundle).
    public func anchor(on certificates: [Certificate]) throws {
        try updateTrustAnchor { $0.source.x509CertificateData = certificates.map(\.pem).joined() }
    }

    /// Imports `list` into the trust anchor.
    public func importCRL(_ list: CertificateRevocationList, name: String, enabled: Bool = true) throws {
        let id = Identifiers.uuid()
        let record = RevocationList(crlId: id, crlArn: configuration.crlArn(id: id), name: name, enabled: enabled,
                                    trustAnchorArn: trustAnchor.trustAnchorArn, crlData: list.der,
                                    createdAt: now, updatedAt: now)
        try store.write { try $0.put(record) }
    }

    public func auditRecords() throws -> [AuditRecord] {
        try store.auditRecords(since: nil, limit: nil)
    }
}
