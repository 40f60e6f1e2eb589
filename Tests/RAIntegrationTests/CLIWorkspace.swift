import Foundation

/// A scratch directory to run `rolesanywhere` commands in, for the command-line behaviour that
/// needs no full deployment: data-dir handling, the built-in CA's files, flag validation, and a
/// `serve` started only long enough to read its start-up log.
struct CLIWorkspace: Sendable {
    let environment: TestEnvironment
    let scratch: ScratchDirectory

    init(label: String) throws {
        environment = try TestEnvironment.locate()
        scratch = try ScratchDirectory(label: label)
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
    }

    var home: String { scratch.file("home") }

    func file(_ name: String) -> String { scratch.file(name) }

    func remove() { scratch.remove() }

    /// `rolesanywhere ARGS`, optionally with `input` on standard input.
    func run(_ arguments: [String], input: String? = nil) async throws -> RunResult {
        try await Run.run(environment.rolesanywhere, arguments, environment: Run.baseEnvironment(home: home), input: input)
    }

    /// Runs a command that must succeed, or throws quoting it.
    @discardableResult
    func succeed(_ arguments: [String], input: String? = nil) async throws -> RunResult {
        let result = try await run(arguments, input: input)
        guard result.succeeded else { throw FixtureError("step failed: \(result)") }
        return result
    }

    /// Starts `rolesanywhere serve ARGS`, waits for its `listening` line (or its exit), stops it with
    /// SIGTERM, and returns its log lines. Throws if it neither listened nor exited within 20 s.
    func serveLog(_ arguments: [String]) async throws -> (lines: [String], exitedEarly: Bool) {
        let logPath = file("serve-\(UUID().uuidString.prefix(8)).log")
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        guard let logHandle = FileHandle(forWritingAtPath: logPath) else { throw FixtureError("cannot open \(logPath)") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: environment.rolesanywhere)
        process.arguments = ["serve"] + arguments
        process.environment = Run.baseEnvironment(home: home)
        process.standardOutput = logHandle
        process.standardError = logHandle
        process.standardInput = FileHandle.nullDevice
        let termination = Termination()
        process.terminationHandler = { finished in
            termination.record(status: finished.terminationStatus, signaled: finished.terminationReason == .uncaughtSignal)
        }
        try process.run()
        try? logHandle.close()
        let pid = process.processIdentifier
        func log() -> String { String(decoding: FileManager.default.contents(atPath: logPath) ?? Data(), as: UTF8.self) }
        let deadline = ContinuousClock.now + .seconds(20)
        while ContinuousClock.now < deadline {
            if termination.current != nil {
                return (log().split(separator: "\n").map(String.init), true)
            }
            if log().contains("\"msg\":\"listening\"") {
                kill(pid, SIGTERM)
                _ = await termination.wait(pid: pid, timeout: .seconds(15))
                return (log().split(separator: "\n").map(String.init), false)
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        _ = await termination.wait(pid: pid, timeout: .zero)
        throw FixtureError("rolesanywhere serve \(arguments) neither listened nor exited within 20 s; log:\n\(log())")
    }
}
