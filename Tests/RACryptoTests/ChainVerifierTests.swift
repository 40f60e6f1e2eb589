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

    private func code(_ result: Result<[Certificate], ChainError>) -> Int? {
        if case .failure(let error) = result { return error.code }
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
        #expect(code(asAnchor) == 10)
    }

    @Test func expiredRootAnchor() throws {
        var windows = TestPKI.Windows()
        windows.root.notAfter = now - day
        let short = try TestPKI(windows: windows)
        let result = ChainVerifier.buildPath(leaf: short.leaf, pool: [short.intermediate], anchors: [short.root], at: now)
        #expect(reason(result) == "certificate has expired (depth 2, O=Example Corp,CN=Root CA)")
        #expect(code(result) == 10)  // X509_V_ERR_CERT_HAS_EXPIRED: OpenSSL itself caught the anchor
    }

    @Test func notYetValidAnchor() throws {
        var windows = TestPKI.Windows()
        windows.root.notBefore = now + day
        let early = try TestPKI(windows: windows)
        let result = ChainVerifier.buildPath(leaf: early.leaf, pool: [early.intermediate], anchors: [early.root], at: now)
        #expect(reason(result) == "certificate is not yet valid (depth 2, O=Example Corp,CN=Root CA)")
        #expect(code(result) == 9)  // X509_V_ERR_CERT_NOT_YET_VALID
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

    /// One prepared anchor set and one set of certificates shared by many concurrent verifications,
    /// as the server does across request threads.
    @Test func sharedAnchorsUnderConcurrency() async throws {
        let anchors = try TrustAnchorSet([pki.root])
        let pki = self.pki
        let now = self.now
        let message = Array("string to sign".utf8)
        let signature = try pki.leafKey.signature(for: message)
        let results = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<64 {
                group.addTask {
                    let path = ChainVerifier.buildPath(leaf: pki.leaf, pool: [pki.intermediate], anchors: anchors, at: now)
                    let expired = ChainVerifier.buildPath(leaf: pki.leaf, pool: [pki.intermediate], anchors: anchors,
                                                          at: now + TimeInterval(40 + index) * 86_400)
                    guard case .success(let certificates) = path, certificates.count == 3,
                          case .failure = expired else { return false }
                    return pki.leaf.publicKey.isValidSignature(signature, for: message)
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results.count == 64)
        #expect(results.allSatisfy { $0 })
    }
}
