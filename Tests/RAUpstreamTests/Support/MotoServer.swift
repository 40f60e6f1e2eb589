import Foundation
import RAHTTPClient
#if canImport(Glibc)
import Glibc
#endif

/// moto in server mode (from PyPI, in the package's `.venv`): an STS and IAM that check
/// signatures and IAM policies once `INITIAL_NO_AUTH_ACTION_COUNT` set-up calls have been made.
/// Each test starts its own on a free loopback port and stops it when done.
final class MotoServer {
    let port: UInt16
    private let process: Process

    static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    static var executable: String { root.appendingPathComponent(".venv/bin/moto_server").path }

    /// Starts moto and waits until it answers.
    /// - Parameter unauthenticatedActions: calls accepted without checking signatures or
    ///   policies before authentication switches on; nil keeps it off for good.
    init(unauthenticatedActions: Int?) throws {
        guard FileManager.default.isExecutableFile(atPath: Self.executable) else {
            throw MotoError("\(Self.executable) is missing: install moto with `.venv/bin/pip install 'moto[server]'`")
        }
        port = try FakeUpstream.closedPort()
        process = Process()
        process.executableURL = URL(fileURLWithPath: Self.executable)
        process.arguments = ["-H", "127.0.0.1", "-p", String(port)]
        var environment = ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "AWS_DEFAULT_REGION": "us-east-1"]
        if let unauthenticatedActions { environment["INITIAL_NO_AUTH_ACTION_COUNT"] = String(unauthenticatedActions) }
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        do { try waitUntilReady() } catch {
            stop()
            throw error
        }
    }

    deinit { stop() }

    var url: String { "http://127.0.0.1:\(port)" }

    /// SIGKILL by process id: the test runner's threads block SIGTERM, and a child started from
    /// them inherits that mask, so `terminate()` would be ignored. The id is checked against
    /// `/proc` first (still our moto on our port), so a reaped and reused id is never signalled.
    func stop() {
        let pid = process.processIdentifier
        guard pid > 0, let commandLine = try? String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8),
              commandLine.contains("moto_server"), commandLine.contains(String(port)) else { return }
        kill(pid, SIGKILL)
        if process.isRunning { process.waitUntilExit() }
    }

    /// Polls `/moto-api/` (which does not count as an action) for up to 30 seconds.
    private func waitUntilReady() throws {
        let client = HTTPClient()
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            guard process.isRunning else { throw MotoError("moto_server exited with status \(process.terminationStatus)") }
            if let response = try? client.send(.init(method: "GET", url: url + "/moto-api/"),
                                               options: .init(timeoutSeconds: 2, connectTimeoutSeconds: 1)),
               response.status == 200 {
                return
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw MotoError("moto_server did not answer on port \(port) within 30 s")
    }
}

struct MotoError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
