import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// End-to-end plumbing for `serve` and `update`: the built binaries, the test venv's boto3 and
/// AWS CLI, and a real `rolesanywhere serve` over HTTPS with `examples/edge-workload.yaml` deployed.
enum ServeEndToEnd {
    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    static var binaries: URL { HelperBinaryTests.binary.deletingLastPathComponent() }
    static var helper: String { binaries.appendingPathComponent("aws_signing_helper").path }
    static var rolesanywhere: String { binaries.appendingPathComponent("rolesanywhere").path }
    /// The package root, three levels above this file.
    static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }
    static var python: String { root.appendingPathComponent(".venv/bin/python").path }
    static var aws: String { root.appendingPathComponent(".venv/bin/aws").path }

    struct Result: CustomStringConvertible {
        var status: Int32
        var standardOutput: String
        var standardError: String
        var description: String { "exit \(status)\nstdout: \(standardOutput)\nstderr: \(standardError)" }
    }

    /// Runs a command to completion (polling, so no pool thread is blocked), output via files.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String],
                    timeout: Double = 120) async throws -> Result {
        let process = try BackgroundProcess(executable, arguments, environment: environment)
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() > deadline {
                _ = try await process.stop()
                throw Failure("\(executable) \(arguments) did not finish within \(timeout) s")
            }
            try await Task.sleep(nanoseconds: 20_000_000)
        }
        return Result(status: process.exitStatus, standardOutput: process.standardOutput,
                      standardError: process.standardError)
    }

    /// A port nothing listens on right now (bound to port 0, then closed).
    static func freePort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0
            }
        }
        guard bound else { throw Failure("no free port: errno \(errno)") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Waits until `condition` holds, polling every 50 ms.
    static func waitUntil(_ what: String, timeout: Double, _ condition: () throws -> Bool) async throws {
        let deadline = Date().addingTimeInterval(timeout)
        while try !condition() {
            guard Date() < deadline else { throw Failure("timed out after \(timeout) s waiting for \(what)") }
            try await Task.sleep(nanoseconds: 50_000_000)
        }
    }
}

/// A child process whose stdout and stderr go to files, readable while it runs.
final class BackgroundProcess: Sendable {
    let outputPath: String
    let errorPath: String
    private let process: Mutex<Process>
    let pid: Int32

    init(_ executable: String, _ arguments: [String], environment: [String: String]) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("serve-e2e-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        outputPath = directory.appendingPathComponent("stdout").path
        errorPath = directory.appendingPathComponent("stderr").path
        _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle(forWritingAtPath: outputPath)
        process.standardError = FileHandle(forWritingAtPath: errorPath)
        try process.run()
        pid = process.processIdentifier
        self.process = Mutex(process)
    }

    deinit {
        if isRunning { kill(pid, SIGKILL) }
        try? FileManager.default.removeItem(atPath: (outputPath as NSString).deletingLastPathComponent)
    }

    var isRunning: Bool { process.withLock { $0.isRunning } }
    var exitStatus: Int32 { process.withLock { $0.terminationStatus } }
    var standardOutput: String { (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "" }
    var standardError: String { (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? "" }

    /// SIGTERM, then the exit status (SIGKILL after 15 s).
    func stop() async throws -> (status: Int32, signaled: Bool) {
        if isRunning { kill(pid, SIGTERM) }
        let deadline = Date().addingTimeInterval(15)
        while isRunning {
            if Date() > deadline { kill(pid, SIGKILL) }
            try await Task.sleep(nanoseconds: 20_000_000)
        }
        return process.withLock { ($0.terminationStatus, $0.terminationReason == .uncaughtSignal) }
    }
}

/// A running `rolesanywhere serve` with the article's stack deployed and one workload certificate.
final class ServeDeployment: Sendable {
    let directory: String
    let port: Int
    let trustAnchorArn: String
    let profileArn: String
    let roleArn: String
    private let server: Mutex<BackgroundProcess?>

    var endpoint: String { "https://localhost:\(port)" }
    var caBundle: String { directory + "/tls-ca/ca.pem" }
    var certificate: String { directory + "/edge.pem" }
    var privateKey: String { directory + "/edge.key" }
    var home: String { directory + "/home" }

    private init(directory: String, port: Int, arns: [String: String], server: BackgroundProcess) {
        self.directory = directory
        self.port = port
        trustAnchorArn = arns["TrustAnchorArn"] ?? ""
        profileArn = arns["ProfileArn"] ?? ""
        roleArn = arns["RoleArn"] ?? ""
        self.server = Mutex(server)
    }

    static func start() async throws -> ServeDeployment {
        for tool in [ServeEndToEnd.rolesanywhere, ServeEndToEnd.helper, ServeEndToEnd.python, ServeEndToEnd.aws] {
            guard FileManager.default.isExecutableFile(atPath: tool) else {
                throw ServeEndToEnd.Failure("missing \(tool): build the package and run scripts/bootstrap.sh for the venv")
            }
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("serve-e2e-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory + "/home", withIntermediateDirectories: true)
        do {
            return try await deploy(in: directory)
        } catch {
            // A server started before the failure is killed when its process object goes away.
            try? FileManager.default.removeItem(atPath: directory)
            throw error
        }
    }

    private static func deploy(in directory: String) async throws -> ServeDeployment {
        let environment = ["PATH": "/usr/bin:/bin", "HOME": directory + "/home"]
        func rolesanywhere(_ arguments: [String]) async throws -> String {
            let result = try await ServeEndToEnd.run(ServeEndToEnd.rolesanywhere, arguments, environment: environment)
            guard result.status == 0 else { throw ServeEndToEnd.Failure("rolesanywhere \(arguments): \(result)") }
            return result.standardOutput
        }
        _ = try await rolesanywhere(["ca", "init", "--dir", directory + "/ca", "--subject", "CN=Serve E2E Root,O=Example Corp"])
        _ = try await rolesanywhere(["ca", "init", "--dir", directory + "/tls-ca", "--subject", "CN=Serve E2E TLS,O=Example Corp"])
        _ = try await rolesanywhere(["ca", "issue", "--dir", directory + "/tls-ca", "--server", "--subject", "CN=localhost",
                                     "--san", "dns:localhost", "--san", "ip:127.0.0.1", "--out", directory + "/tls"])
        _ = try await rolesanywhere(["ca", "issue", "--dir", directory + "/ca", "--subject",
                                     "CN=edge-01,OU=DataCenter-Northeast,O=Example Corp", "--out", directory + "/edge"])
        let port = try ServeEndToEnd.freePort()
        let server = try startServer(directory: directory, port: port)
        // Deploy only once the server has opened its store: both take the SQLite file.
        try await waitForServer(server, port: port)
        let stack = try await rolesanywhere(["deploy", "--data-dir", directory + "/data",
                                             ServeEndToEnd.root.appendingPathComponent("examples/edge-workload.yaml").path,
                                             "--stack-name", "edge", "--parameter", "CACertificateBody=@\(directory)/ca/ca.pem"])
        struct Stack: Decodable { let outputs: [String: String] }
        let outputs = try JSONDecoder().decode(Stack.self, from: Data(stack.utf8)).outputs
        return ServeDeployment(directory: directory, port: port, arns: outputs, server: server)
    }

    private static func startServer(directory: String, port: Int) throws -> BackgroundProcess {
        try BackgroundProcess(ServeEndToEnd.rolesanywhere,
                              ["serve", "--data-dir", directory + "/data", "--listen", "127.0.0.1:\(port)",
                               "--tls-cert", directory + "/tls.pem", "--tls-key", directory + "/tls.key"],
                              environment: ["PATH": "/usr/bin:/bin", "HOME": directory + "/home"])
    }

    /// Returns once the server accepts TCP connections; throws with its log if it exits first.
    private static func waitForServer(_ server: BackgroundProcess, port: Int) async throws {
        try await ServeEndToEnd.waitUntil("rolesanywhere serve on port \(port)", timeout: 30) {
            guard server.isRunning else { throw ServeEndToEnd.Failure("rolesanywhere serve exited: \(server.standardError)") }
            guard let descriptor = try? ServeRawConnection.connect(host: "127.0.0.1", port: port) else { return false }
            close(descriptor)
            return true
        }
    }

    /// Stops the server (the outage).
    func stopServer() async throws {
        let running = server.withLock { server in
            defer { server = nil }
            return server
        }
        _ = try await running?.stop()
    }

    /// Starts it again on the same port and data.
    func restartServer() async throws {
        let started = try Self.startServer(directory: directory, port: port)
        server.withLock { $0 = started }
        try await Self.waitForServer(started, port: port)
    }

    /// Runs `body` against a fresh deployment and always tears it down.
    static func with(_ body: (ServeDeployment) async throws -> Void) async throws {
        let deployment = try await start()
        do {
            try await body(deployment)
        } catch {
            await deployment.shutdown()
            throw error
        }
        await deployment.shutdown()
    }

    func shutdown() async {
        _ = try? await stopServer()
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// The credential flags for this deployment's workload certificate.
    var credentialArguments: [String] {
        ["--certificate", certificate, "--private-key", privateKey, "--trust-anchor-arn", trustAnchorArn,
         "--profile-arn", profileArn, "--role-arn", roleArn, "--endpoint", endpoint]
    }

    /// A clean environment for the helper and the AWS tools: nothing from the developer's own setup.
    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        ["PATH": "/usr/bin:/bin", "HOME": home, "AWS_CA_BUNDLE": caBundle, "AWS_DEFAULT_REGION": "us-east-1",
         "AWS_CONFIG_FILE": home + "/no-config", "AWS_SHARED_CREDENTIALS_FILE": home + "/no-credentials"]
            .merging(extra) { $1 }
    }

    /// `aws sts get-caller-identity` against this server's STS, with `extra` environment.
    func callerIdentity(_ extra: [String: String], arguments: [String] = []) async throws -> ServeEndToEnd.Result {
        try await ServeEndToEnd.run(ServeEndToEnd.aws, ["sts", "get-caller-identity", "--endpoint-url", endpoint,
                                                        "--output", "text", "--query", "Arn"] + arguments,
                                    environment: environment(extra))
    }

    /// boto3: which provider found the credentials, their access key, and STS's answer.
    func boto3(_ extra: [String: String]) async throws -> ServeEndToEnd.Result {
        let code = """
            import boto3, sys
            session = boto3.Session()
            credentials = session.get_credentials()
            print(credentials.method)
            print(credentials.get_frozen_credentials().access_key)
            print(session.client("sts", endpoint_url=sys.argv[1]).get_caller_identity()["Arn"])
            """
        return try await ServeEndToEnd.run(ServeEndToEnd.python, ["-c", code, endpoint], environment: environment(extra))
    }
}

/// A running `aws_signing_helper serve` and what it printed.
final class ServeHelperProcess: Sendable {
    let process: BackgroundProcess

    init(_ deployment: ServeDeployment, _ arguments: [String]) throws {
        process = try BackgroundProcess(ServeEndToEnd.helper, ["serve", "--port", "0"] + deployment.credentialArguments + arguments,
                                        environment: deployment.environment())
    }

    /// The `export NAME=value` lines from stdout, once `count` of them are there.
    func exports(count: Int) async throws -> [String: String] {
        var exports: [String: String] = [:]
        try await ServeEndToEnd.waitUntil("\(count) export lines from serve (stderr: \(process.standardError))", timeout: 60) {
            guard process.isRunning else { throw ServeEndToEnd.Failure("serve exited: \(process.standardError)") }
            exports = [:]
            for line in process.standardOutput.split(separator: "\n") where line.hasPrefix("export ") {
                let assignment = line.dropFirst("export ".count)
                guard let equals = assignment.firstIndex(of: "=") else { continue }
                exports[String(assignment[..<equals])] = String(assignment[assignment.index(after: equals)...])
            }
            return exports.count >= count
        }
        return exports
    }

    /// Log lines containing `text`.
    func logLines(containing text: String) -> [String] {
        process.standardError.split(separator: "\n").map(String.init).filter { $0.contains(text) }
    }
}
