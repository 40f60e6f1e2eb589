import Foundation
import Synchronization

/// `rolesanywhere serve` as a real process on 127.0.0.1 over HTTPS: started on a free port, ready
/// once `GET /ping` answers through the TLS CA, stopped with SIGTERM. Its log goes to a file that
/// failure messages quote.
final class ServerProcess: Sendable {
    let port: UInt16
    let logPath: String
    let caBundle: String
    private let pid: Int32
    private let termination: Termination
    /// Kept so Foundation keeps watching the child; never touched after launch.
    private let process: Mutex<Process>

    private init(port: UInt16, logPath: String, caBundle: String, process: sending Process, termination: Termination) {
        self.port = port
        self.logPath = logPath
        self.caBundle = caBundle
        self.pid = process.processIdentifier
        self.termination = termination
        self.process = Mutex(process)
    }

    var endpoint: String { "https://localhost:\(port)" }

    var log: String {
        String(decoding: FileManager.default.contents(atPath: logPath) ?? Data(), as: UTF8.self)
    }

    /// Starts the server and waits until it answers; a port lost to a race is retried with another.
    static func start(environment: TestEnvironment, dataDirectory: String, tlsCertificate: String, tlsKey: String,
                      caBundle: String, logPath: String, home: String) async throws -> ServerProcess {
        var lastLog = ""
        for _ in 0..<3 {
            let port = try FreePort.pick()
            let process = Process()
            process.executableURL = URL(fileURLWithPath: environment.rolesanywhere)
            process.arguments = ["serve", "--data-dir", dataDirectory, "--listen", "127.0.0.1:\(port)",
                                 "--tls-cert", tlsCertificate, "--tls-key", tlsKey]
            process.environment = Run.baseEnvironment(home: home)
            _ = FileManager.default.createFile(atPath: logPath, contents: nil)
            guard let logHandle = FileHandle(forWritingAtPath: logPath) else { throw FixtureError("cannot open \(logPath)") }
            process.standardOutput = logHandle
            process.standardError = logHandle
            process.standardInput = FileHandle.nullDevice
            let termination = Termination()
            process.terminationHandler = { finished in
                termination.record(status: finished.terminationStatus, signaled: finished.terminationReason == .uncaughtSignal)
            }
            try process.run()
            try? logHandle.close()
            let server = ServerProcess(port: port, logPath: logPath, caBundle: caBundle, process: process, termination: termination)
            if try await server.waitUntilReady(home: home) { return server }
            lastLog = server.log
            _ = try? await server.stop()
        }
        throw FixtureError("rolesanywhere serve did not come up after 3 attempts; its last log:\n\(lastLog)")
    }

    /// True once `/ping` answers `ok`; false if the process died first (for example, port taken).
    private func waitUntilReady(home: String) async throws -> Bool {
        let deadline = ContinuousClock.now + .seconds(20)
        while ContinuousClock.now < deadline {
            if termination.current != nil { return false }
            if try await ping(home: home) { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw FixtureError("rolesanywhere serve on port \(port) did not answer /ping within 20 s; log:\n\(log)")
    }

    /// One `GET /ping` over HTTPS, verified against the TLS CA only.
    func ping(home: String) async throws -> Bool {
        let result = try await Run.run("/usr/bin/curl", ["-sS", "--max-time", "5", "--cacert", caBundle, endpoint + "/ping"],
                                       environment: Run.baseEnvironment(home: home), timeout: .seconds(10))
        return result.succeeded && result.standardOutput == "ok\n"
    }

    var isRunning: Bool { termination.current == nil }

    /// Sends SIGTERM and waits for the exit; the caller asserts on the outcome.
    func stop(timeout: Duration = .seconds(15)) async throws -> Termination.Outcome {
        if termination.current == nil { kill(pid, SIGTERM) }
        return await termination.wait(pid: pid, timeout: timeout)
    }
}
