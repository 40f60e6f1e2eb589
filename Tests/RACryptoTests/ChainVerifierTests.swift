import Foundation
import Testing
import RACrypto

@Suite struct ChainVerifierTests {
    let pki: TestPKI
    let now = TestPKI.now
    let day = TestPKI.day

    init() throws { pki = try TestPKI() }

    private func reason(_ result: Result<[Certificate], ChainError>) -> String? {
        if case .failure(let error) = result { return error.reason }
        return nil
    }

    @Test func rootAnchor() throws {
        let path = try ChainVerifier.buildPath(leaf: pki.leaf, pool: [pki.intermediate], anchors: [pki.root], at: now).get()
        #expect(path == [pki.leaf, pki.intermediate, pki.root])
    }

    @Test func intermediateAsAnchor() throws {
        let path = try ChainVerifier.buildPath(leaf: pki.leaf, pool: [], anchors: [pki.intermediate], at: now).get()
        #expect(path == [pki.leaf, pki.intermediate])
    }

    @Test func messyPool() throws {
        let unrelated = try TestPKI(rootName: "Other Root")
        let pool = [pki.leaf, pki.intermediate, pki.intermediate, unrelated.intermediate, unrelated.root, pki.root]
        let path = try ChainVerifier.buildPath(leaf: pki.leaf, pool: pool, anchors: [unrelated.root, pki.root], at: now).get()
        #expect(path == [pki.leaf, pki.intermediate, pki.root])
    }

    @Test func leafWithoutClientAuthIsAccepted() throws {
        let serverOnly = try TestPKI(leafEKU: ["serverAuth"])
        let path = try ChainVerifier.buildPath(leaf: serverOnly.leaf, pool: [serverOnly.intermediate],
                                               anchors: [serverOnly.root], at: now).get()
        #expect(path.count == 3)
    }

    @Test func missingIntermediate() {
        let result = ChainVerifier.buildPath(leaf: pki.leaf, pool: [], anchors: [pki.root], at: now)
        #expect(reason(result) == "unable to get local issuer certificate (depth 0, O=Example Corp,CN=edge-01)")
    }

    @Test func wrongAnchor() throws {
        let other = try TestPKI(rootName: "Other Root")
        let result = ChainVerifier.buildPath(leaf: pki.leaf, pool: [pki.intermediate], anchors: [other.root], at: now)
        #expect(reason(result) == "unable to get local issuer certificate (depth 1, O=Example Corp,CN=Issuing CA)")
        #expect(reason(ChainVerifier.buildPath(leaf: pki.leaf, pool: [], anchors: [], at: now)) == "no trust anchor certificates")
    }

    @Test func expiredLeaf() {
        let result = ChainVerifier.buildPath(leaf: pki.leaf, pool: [pki.intermediate], anchors: [pki.root], at: now + 31 * day)
        #expect(reason(result) == "certificate has expired (depth 0, O=Example Corp,CN=edge-01)")
    }

    @Test func notYetValidLeaf() {
        let result = ChainVerifier.buildPath(leaf: pki.leaf, pool: [pki.intermediate], anchors: [pki.root], at: now - 2 * day)
        #expect(reason(result) == "certificate is not yet valid (depth 0, O=Example Corp,CN=edge-01)")
    }

    @Test func expiredIntermediate() throws {
        var windows = TestPKI.Windows()
        windows.intermediate.notAfter = now - day
        let short = try TestPKI(windows: windows)
        let result = ChainVerifier.buildPath(leaf: short.leaf, pool: [short.intermediate], anchors: [short.root], at: now)
        #expect(reason(result) == "certificate has expired (depth 1, O=Example Corp,CN=Issuing CA)")
        let asAnchor = ChainVerifier.buildPath(leaf: short.leaf, pool: [], anchors: [short.intermediate], at: now)
        #expect(reason(asAnchor) == "certificate has expired (depth 1, O=Example Corp,CN=Issuing CA)")
    }

    @Test func expiredRootAnchor() throws {
        var windows = TestPKI.Windows()
        windows.root.notAfter = now - day
        let short = try TestPKI(windows: windows)
        let result = ChainVerifier.buildPath(leaf: short.leaf, pool: [short.intermediate], anchors: [short.root], at: now)
        #expect(reason(result) == "certificate has expired (depth 2, O=Example Corp,CN=Root CA)")
    }

    @Test func notYetValidAnchor() throws {
        var windows = TestPKI.Windows()
        windows.root.notBefore = now + day
        let early = try TestPKI(windows: windows)
        let result = ChainVerifier.buildPath(leaf: early.leaf, pool: [early.intermediate], anchors: [early.root], at: now)
        #expect(reason(result) == "certificate is not yet valid (depth 2, O=Example Corp,CN=Root CA)")
    }

    @Test func forgedSignatureFails() throws {
        // Same names as the real intermediate, different key: the leaf's signature cannot verify.
        let impostorKey = try PrivateKey.generate(.ecP384)
        let impostor = try CertificateBuilder(subject: pki.intermediate.subject, notBefore: now - day, notAfter: now + day,
                                              publicKey: impostorKey.publicKey, isCA: true, keyUsage: [.keyCertSign],
                                              includeAuthorityKeyIdentifier: false)
            .sign(with: pki.rootKey, issuerCertificate: pki.root)
        let result = ChainVerifier.buildPath(leaf: pki.leaf, pool: [impostor], anchors: [pki.root], at: now)
        #expect(reason(result) != nil)
    }
}
