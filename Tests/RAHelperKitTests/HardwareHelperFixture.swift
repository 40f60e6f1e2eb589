import Foundation
import RACrypto
import Synchronization

/// Hardware identities for running the built helper: a SoftHSM2 token directory (used by the child
/// processes only, through their `SOFTHSM2_CONF`) and a swtpm simulator of its own, both made once
/// per test process in a temporary directory. Certificates are issued in code by
/// `CertificateBuilder` for the public keys the token and the TPM report.
///
/// - token `helper` (PIN 1234): EC P-256 `ec` (id 01) and RSA-2048 `rsa` (id 02), certificates on the
///   token and in `p11-ec.pem`, `p11-rsa.pem`;
/// - token `helper-always` (PIN 1234): a `CKA_ALWAYS_AUTHENTICATE` EC key `always` (id 03) and its certificate;
/// - TPM: `ec.pem` (no password), `auth.pem` (password `s3cret`), persistent handle `0x81000001` (no
///   password); certificates `tpm-ec.pem`, `tpm-auth.pem`, `tpm-handle.pem`.
final class HardwareHelperFixture: @unchecked Sendable {
    static let softHSM = "/usr/lib/softhsm/libsofthsm2.so"
    static let tools = [softHSM, "/usr/bin/softhsm2-util", "/usr/bin/pkcs11-tool", "/usr/bin/swtpm", "/usr/bin/tpm2_createprimary",
                        "/usr/lib/x86_64-linux-gnu/engines-3/pkcs11.so", "/usr/lib/x86_64-linux-gnu/ossl-modules/tpm2.so",
                        "/usr/bin/setsid"]
    static var available: Bool { tools.allSatisfy { FileManager.default.fileExists(atPath: $0) } }
    static let shared: Result<HardwareHelperFixture, any Error> = Result { try HardwareHelperFixture() }
    static func get() throws -> HardwareHelperFixture { try shared.get() }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Fixed for the process, so test arguments can name fixture files before the fixture exists.
    static let directory = FileManager.default.temporaryDirectory.appendingPathComponent("helperkit-hardware-\(UUID().uuidString)")
    static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    let directory = HardwareHelperFixture.directory
    let environment: [String: String]
    private(set) var certificates: [String: Certificate] = [:]

    private init() throws {
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("tokens"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("tpm"), withIntermediateDirectories: true)
        let configuration = directory.appendingPathComponent("softhsm2.conf")
        try "directories.tokendir = \(directory.appendingPathComponent("tokens").path)\nobjectstore.backend = file\nlog.level = ERROR\n"
            .write(to: configuration, atomically: true, encoding: .utf8)
        let port = try Self.startSimulator(directory: directory)
        environment = ["SOFTHSM2_CONF": configuration.path, "TPM2OPENSSL_TCTI": "swtpm:host=127.0.0.1,port=\(port)",
                       "TPM2TOOLS_TCTI": "swtpm:host=127.0.0.1,port=\(port)", "TSS2_LOG": "all+NONE"]
        let issuerKey = try PrivateKey.generate(.ecP256)
        try makeTokens(issuerKey)
        try makeTPMKeys(issuerKey)
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    func certificate(_ name: String) throws -> Certificate {
        guard let certificate = certificates[name] else { throw Failure(description: "no fixture \(name)") }
        return certificate
    }

    private func makeTokens(_ issuerKey: PrivateKey) throws {
        for (token, keys) in [("helper", [("ec", "01", "EC:prime256v1", false), ("rsa", "02", "rsa:2048", false)]),
                              ("helper-always", [("always", "03", "EC:prime256v1", true)])] {
            try run("/usr/bin/softhsm2-util", ["--init-token", "--free", "--label", token, "--so-pin", "12345678", "--pin", "1234"])
            let base = ["--module", Self.softHSM, "--token-label", token, "--login", "--pin", "1234"]
            for (label, id, type, alwaysAuth) in keys {
                try run("/usr/bin/pkcs11-tool", base + ["--keypairgen", "--key-type", type, "--label", label, "--id", id]
                        + (alwaysAuth ? ["--always-auth"] : []))
                try run("/usr/bin/pkcs11-tool", base + ["--read-object", "--type", "pubkey", "--id", id, "-o", path("\(label).pub")])
                let certificate = try issue("\(token) \(label)", publicKey: path("\(label).pub"), issuerKey)
                try Data(certificate.der).write(to: URL(fileURLWithPath: path("\(label).der")))
                try certificate.pem.write(toFile: path("p11-\(label).pem"), atomically: true, encoding: .utf8)
                try run("/usr/bin/pkcs11-tool", base + ["--write-object", path("\(label).der"), "--type", "cert",
                                                        "--label", label, "--id", id])
                certificates[label] = certificate
            }
        }
    }

    private func makeTPMKeys(_ issuerKey: PrivateKey) throws {
        // The first command also waits for the freshly started simulator to accept connections.
        for attempt in 1...40 {
            do {
                try run("/usr/bin/tpm2_dictionarylockout", ["--setup-parameters", "--max-tries=4096", "--recovery-time=1",
                                                            "--lockout-recovery-time=1", "--clear-lockout"])
                break
            } catch where attempt < 40 {
                usleep(50_000)
            }
        }
        let genpkey = ["genpkey", "-provider", "tpm2", "-provider", "default", "-algorithm", "EC", "-pkeyopt", "group:P-256"]
        try run("/usr/bin/openssl", genpkey + ["-out", path("ec.pem")])
        try run("/usr/bin/openssl", genpkey + ["-pkeyopt", "user-auth:s3cret", "-out", path("auth.pem")])
        try run("/usr/bin/tpm2_createprimary", ["-C", "o", "-g", "sha256", "-G", "ecc", "-c", path("primary.ctx")])
        try run("/usr/bin/tpm2_create", ["-C", path("primary.ctx"), "-G", "ecc256:ecdsa-sha256", "-u", path("h.pub"), "-r", path("h.priv")])
        try run("/usr/bin/tpm2_flushcontext", ["-t"])
        try run("/usr/bin/tpm2_load", ["-C", path("primary.ctx"), "-u", path("h.pub"), "-r", path("h.priv"), "-c", path("h.ctx")])
        try run("/usr/bin/tpm2_evictcontrol", ["-C", "o", "-c", path("h.ctx"), "0x81000001"])
        try run("/usr/bin/tpm2_flushcontext", ["-t"])
        for (name, source) in [("tpm-ec", path("ec.pem")), ("tpm-auth", path("auth.pem")), ("tpm-handle", "handle:0x81000001")] {
            try run("/usr/bin/openssl", ["pkey", "-provider", "tpm2", "-provider", "default", "-in", source, "-pubout",
                                         "-outform", "DER", "-out", path("\(name).pub")] + (name == "tpm-auth" ? ["-passin", "pass:s3cret"] : []))
            let certificate = try issue(name, publicKey: path("\(name).pub"), issuerKey)
            try certificate.pem.write(toFile: path("\(name).pem"), atomically: true, encoding: .utf8)
            certificates[name] = certificate
        }
    }

    private func issue(_ name: String, publicKey path: String, _ issuerKey: PrivateKey) throws -> Certificate {
        let publicKey = try PublicKey(derSPKI: [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
        return try CertificateBuilder(subject: DistinguishedName([("CN", name), ("O", "Helper hardware tests")]),
                                      publicKey: publicKey, isCA: false, keyUsage: [.digitalSignature])
            .sign(with: issuerKey, issuerCertificate: nil)
    }

    @discardableResult
    func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ["PATH": "/usr/bin:/bin"].merging(environment) { $1 }
        process.currentDirectoryURL = directory
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\(executable) \(arguments.joined(separator: " ")) exited \(process.terminationStatus): \(text)")
        }
        return text
    }

    /// Starts swtpm on free ports as a foreground child that is never waited for (the `--daemon`
    /// parent's exit is not always noticed by `Process`); an exit handler and a watchdog kill it
    /// (SIGKILL: swtpm ignores SIGTERM while waiting for a client) when the tests end.
    private static func startSimulator(directory: URL) throws -> UInt16 {
        let state = directory.appendingPathComponent("tpm")
        let port = UInt16.random(in: 20000...60000)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/swtpm")
        process.arguments = ["socket", "--tpm2", "--server", "type=tcp,port=\(port),bindaddr=127.0.0.1",
                             "--ctrl", "type=tcp,port=\(port + 1),bindaddr=127.0.0.1",
                             "--flags", "not-need-init,startup-clear", "--tpmstate", "dir=\(state.path)",
                             "--log", "file=\(directory.appendingPathComponent("swtpm.log").path)"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let pid = process.processIdentifier
        helperSimulatorPID.withLock { $0 = pid }
        atexit { stopHelperSimulator() }
        let watchdog = Process()
        watchdog.executableURL = URL(fileURLWithPath: "/bin/sh")
        watchdog.arguments = ["-c", "while kill -0 \(getpid()) 2>/dev/null; do sleep 1; done; kill -9 \(pid) 2>/dev/null; rm -rf '\(directory.path)'"]
        watchdog.standardOutput = FileHandle.nullDevice
        watchdog.standardError = FileHandle.nullDevice
        watchdog.standardInput = FileHandle.nullDevice
        try watchdog.run()
        return port
    }
}

private let helperSimulatorPID = Mutex<Int32>(0)
private func stopHelperSimulator() {
    let pid = helperSimulatorPID.withLock { $0 }
    if pid > 0 { kill(pid, SIGKILL) }
}
