import Foundation
import RACrypto
import Synchronization

/// SoftHSM2 tokens for the in-process PKCS#11 tests, made once per test process in a temporary
/// directory: keys generated on the token by `pkcs11-tool`, certificates issued in code by
/// `CertificateBuilder` for the token's public keys and written back to the token.
///
/// SoftHSM reads `SOFTHSM2_CONF` when the engine first loads it, and the engine loads one module
/// per process, so every in-process PKCS#11 test shares these tokens. Each token has one job:
/// - `ra-main` (PIN 1234): EC P-256 `ec` (id 01), RSA-2048 `rsa` (id 02), and a
///   `CKA_ALWAYS_AUTHENTICATE` EC key `always` (id 03), each with its certificate;
/// - `ra-wrong-pin` (PIN 5678): never logged into successfully, for the wrong-PIN test (a token
///   once logged in stays logged in for the process);
/// - `ra-wrong-context` and `ra-no-context` (PIN 1234): always-authenticate keys that are given a
///   wrong context PIN, or none (the engine's sessions for such a token are unusable afterwards).
final class PKCS11TestTokens: @unchecked Sendable {
    static let module = "/usr/lib/softhsm/libsofthsm2.so"
    static let tools = [module, "/usr/bin/softhsm2-util", "/usr/bin/pkcs11-tool", "/usr/lib/x86_64-linux-gnu/engines-3/pkcs11.so"]
    static var available: Bool { HardwareTestTools.available(tools) }

    /// Built on first use; a failure is kept so every test reports it.
    static let shared: Result<PKCS11TestTokens, any Error> = Result { try PKCS11TestTokens() }

    let directory: URL
    /// Certificates by `token/label`, e.g. `ra-main/ec`.
    let certificates: [String: Certificate]

    private init() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("racrypto-pkcs11-\(UUID().uuidString)")
        self.directory = directory
        let tokens = directory.appendingPathComponent("tokens")
        try FileManager.default.createDirectory(at: tokens, withIntermediateDirectories: true)
        let configuration = directory.appendingPathComponent("softhsm2.conf")
        try "directories.tokendir = \(tokens.path)\nobjectstore.backend = file\nlog.level = ERROR\n"
            .write(to: configuration, atomically: true, encoding: .utf8)
        setenv("SOFTHSM2_CONF", configuration.path, 1)
        tokenDirectory.withLock { $0 = directory.path }
        atexit { removeTokenDirectory() }
        let environment = ["SOFTHSM2_CONF": configuration.path]

        let issuerKey = try PrivateKey.generate(.ecP256)
        var made: [String: Certificate] = [:]
        let layout: [(token: String, pin: String, keys: [(label: String, id: String, type: String, alwaysAuth: Bool)])] = [
            ("ra-main", "1234", [("ec", "01", "EC:prime256v1", false), ("rsa", "02", "rsa:2048", false),
                                 ("always", "03", "EC:prime256v1", true)]),
            ("ra-wrong-pin", "5678", [("ec", "01", "EC:prime256v1", false)]),
            ("ra-wrong-context", "1234", [("always", "03", "EC:prime256v1", true)]),
            ("ra-no-context", "1234", [("always", "03", "EC:prime256v1", true)]),
        ]
        for token in layout {
            try HardwareTestTools.run("/usr/bin/softhsm2-util", ["--init-token", "--free", "--label", token.token,
                                                                 "--so-pin", "12345678", "--pin", token.pin],
                                      environment: environment)
            for key in token.keys {
                let base = ["--module", Self.module, "--token-label", token.token, "--login", "--pin", token.pin]
                try HardwareTestTools.run("/usr/bin/pkcs11-tool", base + ["--keypairgen", "--key-type", key.type,
                                                                          "--label", key.label, "--id", key.id]
                                          + (key.alwaysAuth ? ["--always-auth"] : []), environment: environment)
                let publicPath = directory.appendingPathComponent("\(token.token)-\(key.label).pub.der")
                try HardwareTestTools.run("/usr/bin/pkcs11-tool", base + ["--read-object", "--type", "pubkey",
                                                                          "--id", key.id, "-o", publicPath.path],
                                          environment: environment)
                let publicKey = try PublicKey(derSPKI: [UInt8](try Data(contentsOf: publicPath)))
                let certificate = try CertificateBuilder(
                    subject: DistinguishedName([("CN", "\(token.token) \(key.label)"), ("O", "RACrypto tests")]),
                    publicKey: publicKey, isCA: false, keyUsage: [.digitalSignature])
                    .sign(with: issuerKey, issuerCertificate: nil)
                let certificatePath = directory.appendingPathComponent("\(token.token)-\(key.label).der")
                try Data(certificate.der).write(to: certificatePath)
                try HardwareTestTools.run("/usr/bin/pkcs11-tool", base + ["--write-object", certificatePath.path,
                                                                          "--type", "cert", "--label", key.label,
                                                                          "--id", key.id], environment: environment)
                made["\(token.token)/\(key.label)"] = certificate
            }
        }
        certificates = made
    }

    static func get() throws -> PKCS11TestTokens { try shared.get() }

    func certificate(_ name: String) throws -> Certificate {
        guard let certificate = certificates[name] else { throw HardwareTestTools.Failure(command: name, status: 1, output: "no such fixture") }
        return certificate
    }
}

/// The shared fixture lives until the process exits; its directory goes then.
private let tokenDirectory = Mutex<String?>(nil)
private func removeTokenDirectory() {
    if let path = tokenDirectory.withLock({ $0 }) { try? FileManager.default.removeItem(atPath: path) }
}
