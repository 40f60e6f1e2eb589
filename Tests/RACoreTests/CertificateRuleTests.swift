import Foundation
import RACore
import RACrypto
import RATestSupport
import Testing

/// Each verification rule of spec §2.3 (5-8), with a certificate that breaks exactly that rule:
/// the client is told AWS's terse "Untrusted Signing Certificate" (403) and the audit `reason`
/// names the rule.
struct CertificateRuleTests {
    struct LeafCase: Sendable, CustomTestStringConvertible {
        let name: String
        let change: @Sendable (inout CertificateSpec) throws -> Void
        let reason: String
        var testDescription: String { name }
    }

    static let day = TestPKI.day
    static let now = TestPKI.referenceDate

    static let leafCases: [LeafCase] = [
        LeafCase(name: "X.509 v1", change: { $0.version = 1 },
                 reason: "end-entity version: certificate is X.509 v1, v3 is required"),
        LeafCase(name: "signed with SHA-1", change: { $0.signatureDigest = .sha1 },
                 reason: "end-entity signature algorithm: certificate is signed with ecdsa-with-SHA1; SHA-256 or stronger is required"),
        LeafCase(name: "CA:TRUE leaf", change: { $0.isCA = true },
                 reason: "end-entity basic constraints: end-entity certificate has basicConstraints CA:TRUE"),
        LeafCase(name: "no keyUsage", change: { $0.keyUsage = nil },
                 reason: "end-entity key usage: end-entity certificate has no keyUsage extension (digitalSignature is required)"),
        LeafCase(name: "keyUsage without digitalSignature", change: { $0.keyUsage = [.keyEncipherment, .keyAgreement] },
                 reason: "end-entity key usage: end-entity keyUsage lacks digitalSignature"),
        LeafCase(name: "empty subject with a SAN", change: {
                     $0.subject = DistinguishedName()
                     $0.subjectAlternativeNames = [.dns("edge-01.example.com")]
                 }, reason: "end-entity subject: end-entity certificate has an empty subject"),
        LeafCase(name: "RSA-1024 key", change: { $0.key = try TestKeys.rsa1024() },
                 reason: "end-entity public key: RSA key of 1024 bits; 2048 to 4096 are accepted"),
        LeafCase(name: "EC secp256k1 key", change: { $0.key = try TestKeys.secp256k1() },
                 reason: "end-entity public key: EC curve secp256k1 is not supported"),
        LeafCase(name: "Ed25519 key", change: { $0.key = try TestKeys.ed25519() },
                 reason: "end-entity public key: key type ED25519 is not supported"),
        LeafCase(name: "expired", change: { $0.notBefore = now - 60 * day; $0.notAfter = now - 1 },
                 reason: "certificate has expired (depth 0, CN=edge-01,OU=DataCenter-Northeast,O=Example Corp)"),
        LeafCase(name: "not yet valid", change: { $0.notBefore = now + 1; $0.notAfter = now + 30 * day },
                 reason: "certificate is not yet valid (depth 0, CN=edge-01,OU=DataCenter-Northeast,O=Example Corp)"),
        LeafCase(name: "issuer name that matches no CA", change: {
                     $0.issuerOverride = try DistinguishedName(parsing: "CN=Somebody Else,O=Example Corp")
                 }, reason: "unable to get local issuer certificate"),
    ]

    @Test("the unmodified client certificate is accepted (control for the table below)")
    func control() throws {
        let world = try TestWorld()
        let result = try world.granted(try world.request())
        #expect(result.grant.role.roleName == "EdgeBackupRole")
    }

    @Test("an end-entity certificate breaking one rule is untrusted, and the reason names the rule", arguments: leafCases)
    func leafRule(_ testCase: LeafCase) throws {
        let world = try TestWorld()
        var spec = try world.pki.leafSpec()
        try testCase.change(&spec)
        let identity = try world.pki.leaf(spec)
        let failure = try world.refused(try world.request(from: identity))
        #expect(failure.code == .accessDenied)
        #expect(failure.httpStatus == 403)
        #expect(failure.message == "Untrusted Signing Certificate")
        #expect(failure.reason.contains(testCase.reason), "reason was: \(failure.reason)")
        let audit = try #require(try world.auditRecords().last)
        #expect(audit.errorCode == "AccessDeniedException")
        #expect(audit.denialReason == failure.reason)
    }

    @Test("a leaf signed by a CA outside the trust anchor is untrusted")
    func foreignCA() throws {
        let world = try TestWorld()
        let stranger = try world.pki.authority(try world.pki.authoritySpec("CN=Test Issuing CA,O=Example Corp"), by: nil)
        let identity = try world.pki.leaf(by: stranger, chain: [stranger.certificate])
        let failure = try world.refused(try world.request(from: identity))
        #expect(failure.message == "Untrusted Signing Certificate")
        #expect(failure.reason.hasPrefix("no valid path to trust anchor OnPremDataCenterAnchor: "), "reason was: \(failure.reason)")
    }

    struct AuthorityCase: Sendable, CustomTestStringConvertible {
        let name: String
        /// Applied to the intermediate (`onRoot` false) or to the root that is the trust anchor.
        let onRoot: Bool
        let change: @Sendable (inout CertificateSpec) -> Void
        let reason: String
        var testDescription: String { name }
    }

    static let authorityCases: [AuthorityCase] = [
        AuthorityCase(name: "intermediate signed with SHA-1", onRoot: false, change: { $0.signatureDigest = .sha1 },
                      reason: "signature algorithm: certificate is signed with ecdsa-with-SHA1; SHA-256 or stronger is required"),
        AuthorityCase(name: "intermediate without keyUsage", onRoot: false, change: { $0.keyUsage = nil },
                      reason: "CA key usage: CA certificate CN=Test Issuing CA,O=Example Corp has no keyUsage extension (keyCertSign is required)"),
        AuthorityCase(name: "intermediate without keyCertSign", onRoot: false, change: { $0.keyUsage = [.cRLSign, .digitalSignature] },
                      reason: "invalid CA certificate (depth 1, CN=Test Issuing CA,O=Example Corp)"),
        AuthorityCase(name: "intermediate with CA:FALSE", onRoot: false, change: { $0.isCA = false },
                      reason: "invalid CA certificate (depth 1, CN=Test Issuing CA,O=Example Corp)"),
        AuthorityCase(name: "intermediate without basicConstraints", onRoot: false, change: { $0.isCA = nil },
                      reason: "invalid CA certificate (depth 1, CN=Test Issuing CA,O=Example Corp)"),
        AuthorityCase(name: "intermediate expired", onRoot: false, change: { $0.notAfter = now - 1 },
                      reason: "certificate has expired (depth 1, CN=Test Issuing CA,O=Example Corp)"),
        AuthorityCase(name: "intermediate not yet valid", onRoot: false, change: { $0.notBefore = now + 60 },
                      reason: "certificate is not yet valid (depth 1, CN=Test Issuing CA,O=Example Corp)"),
        AuthorityCase(name: "root signed with SHA-1", onRoot: true, change: { $0.signatureDigest = .sha1 },
                      reason: "signature algorithm: certificate is signed with ecdsa-with-SHA1; SHA-256 or stronger is required"),
        AuthorityCase(name: "root X.509 v1", onRoot: true, change: { $0.version = 1 },
                      reason: "version: certificate is X.509 v1, v3 is required"),
        AuthorityCase(name: "root without keyUsage", onRoot: true, change: { $0.keyUsage = nil },
                      reason: "CA key usage: CA certificate CN=Test Root CA,O=Example Corp has no keyUsage extension (keyCertSign is required)"),
        AuthorityCase(name: "root expired", onRoot: true, change: { $0.notBefore = now - 900 * day; $0.notAfter = now - day },
                      reason: "certificate has expired (depth 2, CN=Test Root CA,O=Example Corp)"),
    ]

    @Test("a CA certificate breaking one rule makes the path untrusted", arguments: authorityCases)
    func authorityRule(_ testCase: AuthorityCase) throws {
        let world = try TestWorld()
        let pki = world.pki
        var rootSpec = try pki.authoritySpec("CN=Test Root CA,O=Example Corp")
        var intermediateSpec = try pki.authoritySpec("CN=Test Issuing CA,O=Example Corp")
        if testCase.onRoot { testCase.change(&rootSpec) } else { testCase.change(&intermediateSpec) }
        let root = try pki.authority(rootSpec, by: nil)
        let intermediate = try pki.authority(intermediateSpec, by: root)
        let identity = try pki.leaf(by: intermediate, chain: [intermediate.certificate])
        try world.anchor(on: [root.certificate])

        let failure = try world.refused(try world.request(from: identity))
        #expect(failure.code == .accessDenied)
        #expect(failure.message == "Untrusted Signing Certificate")
        #expect(failure.reason.contains(testCase.reason), "reason was: \(failure.reason)")
    }

    @Test("the same path with sound CA certificates is accepted (control for the table above)")
    func authorityControl() throws {
        let world = try TestWorld()
        let pki = world.pki
        let root = try pki.authority(try pki.authoritySpec("CN=Test Root CA,O=Example Corp"), by: nil)
        let intermediate = try pki.authority(try pki.authoritySpec("CN=Test Issuing CA,O=Example Corp"), by: root)
        let identity = try pki.leaf(by: intermediate, chain: [intermediate.certificate])
        try world.anchor(on: [root.certificate])
        _ = try world.granted(try world.request(from: identity))
    }
}
