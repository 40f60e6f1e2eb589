import Foundation
import RACrypto

/// A three-level PKI (root → intermediate → leaf) made with `CertificateBuilder`, with validity
/// windows the chain tests can step outside of.
struct TestPKI {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)  // 2027-01-15T08:00:00Z
    static let day: TimeInterval = 86_400

    let rootKey: PrivateKey
    let root: Certificate
    let intermediateKey: PrivateKey
    let intermediate: Certificate
    let leafKey: PrivateKey
    let leaf: Certificate

    struct Windows {
        var root = (notBefore: TestPKI.now - 100 * TestPKI.day, notAfter: TestPKI.now + 3650 * TestPKI.day)
        var intermediate = (notBefore: TestPKI.now - 50 * TestPKI.day, notAfter: TestPKI.now + 1825 * TestPKI.day)
        var leaf = (notBefore: TestPKI.now - 1 * TestPKI.day, notAfter: TestPKI.now + 30 * TestPKI.day)
    }

    init(windows: Windows = Windows(), rootName: String = "Root CA", leafEKU: [String] = []) throws {
        rootKey = try PrivateKey.generate(.ecP256)
        root = try CertificateBuilder(
            subject: try DistinguishedName([("O", "Example Corp"), ("CN", rootName)]),
            notBefore: windows.root.notBefore, notAfter: windows.root.notAfter,
            publicKey: rootKey.publicKey, isCA: true, keyUsage: [.keyCertSign, .cRLSign]
        ).sign(with: rootKey, issuerCertificate: nil)

        intermediateKey = try PrivateKey.generate(.ecP384)
        intermediate = try CertificateBuilder(
            subject: try DistinguishedName([("O", "Example Corp"), ("CN", "Issuing CA")]),
            notBefore: windows.intermediate.notBefore, notAfter: windows.intermediate.notAfter,
            publicKey: intermediateKey.publicKey, isCA: true, pathLength: 0, keyUsage: [.keyCertSign, .cRLSign]
        ).sign(with: rootKey, issuerCertificate: root)

        leafKey = try PrivateKey.generate(.ecP256)
        leaf = try CertificateBuilder(
            subject: try DistinguishedName([("O", "Example Corp"), ("CN", "edge-01")]),
            notBefore: windows.leaf.notBefore, notAfter: windows.leaf.notAfter,
            publicKey: leafKey.publicKey, isCA: false, keyUsage: [.digitalSignature],
            extendedKeyUsage: leafEKU, subjectAlternativeNames: [.dns("edge-01.example.com")]
        ).sign(with: intermediateKey, issuerCertificate: intermediate)
    }
}
