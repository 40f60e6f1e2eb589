import Foundation

/// Runs a subprocess to completion with a deadline. Output goes to temporary files rather than
/// pipes, so a grandchild that keeps a descriptor open (a server, a credential helper spawned by
/// the AWS CLI) can never make the caller wait for an end-of-file that does not come.
enum Run {
    /// The environment every subprocess starts from: no AWS variables, no user config.
    static func baseEnvironment(home: String) -> [String: String] {
        ["PATH": "/usr/bin:/bin", "HOME": home, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"]
    }

    static func run(_ executable: String, _ arguments: [String], environment: [String: String],
                    input: String? = nil, timeout: Duration = .seconds(60)) async throws -> RunResult {
        let command = ([executable] + arguments).map { $0.contains(" ") ? "'\($0)'" : $0 }.joined(separator: " ")
        let output = try TemporaryFile(purpose: "out"), errors = try TemporaryFile(purpose: "err")
        let stdin = try TemporaryFile(purpose: "in")
        defer { output.remove(); errors.remove(); stdin.remove() }
        if let input { try input.write(toFile: stdin.path, atomically: false, encoding: .utf8) }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        let outHandle = try output.handleForWriting(), errHandle = try errors.handleForWriting()
        let inHandle = try stdin.handleForReading()
        process.standardOutput = outHandle
        process.standardError = errHandle
        process.standardInput = inHandle
        let termination = Termination()
        process.terminationHandler = { finished in
            termination.record(status: finished.terminationStatus, signaled: finished.terminationReason == .uncaughtSignal)
        }
        do { try process.run() } catch {
            throw FixtureError("cannot start \(command): \(error)")
        }
        try? outHandle.close()
        try? errHandle.close()
        try? inHandle.close()
        let finished = await termination.wait(pid: process.processIdentifier, timeout: timeout)
        return RunResult(command: command, exitCode: finished.status, signaled: finished.signaled, timedOut: finished.timedOut,
                         standardOutput: output.contents(), standardError: errors.contents())
    }
}
