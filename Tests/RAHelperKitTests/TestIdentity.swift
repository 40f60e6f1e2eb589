import Foundation
import RACrypto

/// A throw-away PKI for one test: a root CA, an intermediate and a client certificate, generated
/// in code, plus a temporary directory to write files into.
final class TestIdentity: @unchecked Sendable {
    let directory: URL
    let rootKey: PrivateKey
    let root: Certificate
    let intermediateKey: PrivateKey
    let intermediate: Certificate
    let leafKey: PrivateKey
    let leaf: Certificate

    /// `@unchecked Sendable`: every stored property is immutable after init.
    init(leafKey type: PrivateKey.KeyType = .ecP256, serial: SerialNumber = SerialNumber(bytes: [0x01, 0x2C])) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("helperkit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        rootKey = try PrivateKey.generate(.ecP256)
        root = try CertificateBuilder(subject: DistinguishedName([("CN", "Test Root")]), publicKey: rootKey.publicKey,
                                      isCA: true, keyUsage: [.keyCertSign, .cRLSign])
            .sign(with: rootKey, issuerCertificate: nil)
        intermediateKey = try PrivateKey.generate(.ecP256)
        intermediate = try CertificateBuilder(subject: DistinguishedName([("CN", "Test Intermediate")]),
                                              publicKey: intermediateKey.publicKey, isCA: true,
                                              keyUsage: [.keyCertSign, .cRLSign])
            .sign(with: rootKey, issuerCertificate: root)
        leafKey = try PrivateKey.generate(type)
        leaf = try CertificateBuilder(subject: DistinguishedName([("CN", "workload-1"), ("O", "Example")]),
                                      serial: serial, publicKey: leafKey.publicKey, isCA: false,
                                      keyUsage: [.digitalSignature])
            .sign(with: intermediateKey, issuerCertificate: intermediate)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// Writes `bytes` to a file in the temporary directory and returns its path.
    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, Array(text.utf8))
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
}
