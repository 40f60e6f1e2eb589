import Foundation
import RACrypto
import Synchronization

/// A software TPM (swtpm) for the in-process TPM tests, started once per test process on free
/// loopback ports and stopped when the process exits (an `atexit` handler, plus a watchdog shell
/// that kills it if the process dies without running handlers).
///
/// Fixtures made before any test uses the provider (swtpm serves one client at a time):
/// - `ec.pem`, `rsa.pem`: `TSS2 PRIVATE KEY` files from `openssl genpkey -provider tpm2`, no password;
/// - `auth.pem`: an EC key file whose password is `s3cret`;
/// - persistent handle `0x81000001`: an EC P-256 key made with tpm2-tools, no password;
/// - persistent handle `0x81000002`: an RSA-2048 key with password `h4ndle`.
/// Dictionary-attack lockout is relaxed, since the tests give wrong passwords on purpose.
final class TPMTestSimulator: @unchecked Sendable {
    static let tools = ["/usr/bin/swtpm", "/usr/bin/tpm2_createprimary", "/usr/bin/openssl",
                        "/usr/lib/x86_64-linux-gnu/ossl-modules/tpm2.so"]
    static var available: Bool { HardwareTestTools.available(tools) }
    static let shared: Result<TPMTestSimulator, any Error> = Result { try TPMTestSimulator() }
    static func get() throws -> TPMTestSimulator { try shared.get() }

    let directory: URL
    let port: UInt16
    var tcti: String { "swtpm:host=127.0.0.1,port=\(port)" }

    private init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("racrypto-tpm-\(UUID().uuidString)")
        let state = directory.appendingPathComponent("state")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        port = try HardwareTestTools.freePortPair()
        try Self.start(port: port, state: state, directory: directory)
        let environment = ["TPM2TOOLS_TCTI": "swtpm:host=127.0.0.1,port=\(port)",
                           "TPM2OPENSSL_TCTI": "swtpm:host=127.0.0.1,port=\(port)", "TSS2_LOG": "all+NONE"]
        func tool(_ name: String, _ arguments: [String]) throws {
            try HardwareTestTools.run("/usr/bin/\(name)", arguments, environment: environment, directory: directory)
        }
        try tool("tpm2_dictionarylockout", ["--setup-parameters", "--max-tries=4096", "--recovery-time=1",
                                            "--lockout-recovery-time=1", "--clear-lockout"])
        let genpkey = ["genpkey", "-provider", "tpm2", "-provider", "default"]
        try tool("openssl", genpkey + ["-algorithm", "EC", "-pkeyopt", "group:P-256", "-out", "ec.pem"])
        try tool("openssl", genpkey + ["-algorithm", "RSA", "-pkeyopt", "bits:2048", "-out", "rsa.pem"])
        try tool("openssl", genpkey + ["-algorithm", "EC", "-pkeyopt", "group:P-256", "-pkeyopt", "user-auth:s3cret",
                                       "-out", "auth.pem"])
        try tool("tpm2_createprimary", ["-C", "o", "-g", "sha256", "-G", "ecc", "-c", "primary.ctx"])
        try tool("tpm2_create", ["-C", "primary.ctx", "-G", "ecc256:ecdsa-sha256", "-u", "ec.pub", "-r", "ec.priv"])
        try tool("tpm2_flushcontext", ["-t"])
        try tool("tpm2_load", ["-C", "primary.ctx", "-u", "ec.pub", "-r", "ec.priv", "-c", "ec.ctx"])
        try tool("tpm2_evictcontrol", ["-C", "o", "-c", "ec.ctx", "0x81000001"])
        try tool("tpm2_flushcontext", ["-t"])
        try tool("tpm2_create", ["-C", "primary.ctx", "-G", "rsa2048:rsassa-sha256", "-p", "h4ndle",
                                 "-u", "rsa.pub", "-r", "rsa.priv"])
        try tool("tpm2_flushcontext", ["-t"])
        try tool("tpm2_load", ["-C", "primary.ctx", "-u", "rsa.pub", "-r", "rsa.priv", "-c", "rsa.ctx"])
        try tool("tpm2_evictcontrol", ["-C", "o", "-c", "rsa.ctx", "0x81000002"])
        try tool("tpm2_flushcontext", ["-t"])
        setenv("TPM2OPENSSL_TCTI", tcti, 1)
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// The transient objects loaded in the TPM right now (should be none between operations).
    func transientHandles() throws -> String {
        try HardwareTestTools.run("/usr/bin/tpm2_getcap", ["handles-transient"],
                                  environment: ["TPM2TOOLS_TCTI": tcti, "TSS2_LOG": "all+NONE"])
    }

    /// The public key as the openssl CLI reads it from the TPM, for an independent comparison.
    func publicKeyDER(of uri: String, password: String? = nil) throws -> [UInt8] {
        let out = directory.appendingPathComponent("pub-\(UUID().uuidString).der")
        try HardwareTestTools.run("/usr/bin/openssl", ["pkey", "-provider", "tpm2", "-provider", "default",
                                                       "-in", uri, "-pubout", "-outform", "DER", "-out", out.path]
                                  + (password.map { ["-passin", "pass:\($0)"] } ?? []),
                                  environment: ["TPM2OPENSSL_TCTI": tcti, "TSS2_LOG": "all+NONE"])
        return [UInt8](try Data(contentsOf: out))
    }

    private static func start(port: UInt16, state: URL, directory: URL) throws {
        // A foreground child, never waited for: swtpm's `--daemon` parent exits through a path
        // Foundation's `Process` does not always notice, and a pipe would be inherited by the daemon.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/swtpm")
        process.arguments = [
            "socket", "--tpm2", "--server", "type=tcp,port=\(port),bindaddr=127.0.0.1",
            "--ctrl", "type=tcp,port=\(port + 1),bindaddr=127.0.0.1", "--flags", "not-need-init,startup-clear",
            "--tpmstate", "dir=\(state.path)", "--log", "file=\(directory.appendingPathComponent("swtpm.log").path)",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let pid = process.processIdentifier
        simulatorPID.withLock { $0 = pid }
        atexit { stopSimulator() }
        // If this process dies without exit handlers, the watchdog still stops the simulator
        // (SIGKILL: swtpm ignores SIGTERM while it waits for a client).
        let watchdog = Process()
        watchdog.executableURL = URL(fileURLWithPath: "/bin/sh")
        watchdog.arguments = ["-c", "while kill -0 \(getpid()) 2>/dev/null; do sleep 1; done; kill -9 \(pid) 2>/dev/null; rm -rf '\(directory.path)'"]
        watchdog.standardOutput = FileHandle.nullDevice
        watchdog.standardError = FileHandle.nullDevice
        watchdog.standardInput = FileHandle.nullDevice
        try watchdog.run()
        guard HardwareTestTools.waitForListener(port: port + 1, seconds: 5) else {
            throw HardwareTestTools.Failure(command: "swtpm", status: 1, output: "did not start listening")
        }
    }
}

private let simulatorPID = Mutex<Int32>(0)
private func stopSimulator() {
    let pid = simulatorPID.withLock { $0 }
    if pid > 0 { kill(pid, SIGKILL) }
}
