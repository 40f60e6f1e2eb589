import Foundation

/// One self-contained installation of the article's scenario: a TLS CA and the server's
/// certificate, a client CA (the built-in one, or a user's own root), `rolesanywhere serve` on its
/// own data dir, and `examples/edge-workload.yaml` deployed as stack `edge`.
final class EdgeDeployment: Sendable {
    static let stackName = "edge"
    static let accountId = "123456789012"

    let environment: TestEnvironment
    let scratch: ScratchDirectory
    let server: ServerProcess
    let arns: StackArns
    /// The certificate deployed as the trust anchor.
    let anchorCertificate: String

    private init(environment: TestEnvironment, scratch: ScratchDirectory, server: ServerProcess, arns: StackArns,
                 anchorCertificate: String) {
        self.environment = environment
        self.scratch = scratch
        self.server = server
        self.arns = arns
        self.anchorCertificate = anchorCertificate
    }

    var endpoint: String { server.endpoint }
    var dataDirectory: String { scratch.file("data") }
    var home: String { scratch.file("home") }
    /// The built-in client CA's directory (absent when a user's own PKI is the anchor).
    var clientCADirectory: String { scratch.file("client-ca") }
    var tlsCABundle: String { scratch.file("tls-ca/ca.pem") }

    /// Starts a deployment; with `anchorCertificate` nil a built-in CA is created and trusted.
    static func start(label: String, anchorCertificate: String? = nil) async throws -> EdgeDeployment {
        let environment = try TestEnvironment.locate()
        let scratch = try ScratchDirectory(label: label)
        do {
            try FileManager.default.createDirectory(atPath: scratch.file("home"), withIntermediateDirectories: true)
            let home = scratch.file("home")
            func rolesanywhere(_ arguments: [String]) async throws {
                let result = try await Run.run(environment.rolesanywhere, arguments, environment: Run.baseEnvironment(home: home))
                guard result.succeeded else { throw FixtureError("fixture step failed: \(result)") }
            }
            try await rolesanywhere(["ca", "init", "--dir", scratch.file("tls-ca"), "--subject", "CN=E2E TLS CA,O=Example Corp"])
            try await rolesanywhere(["ca", "issue", "--dir", scratch.file("tls-ca"), "--server", "--subject", "CN=localhost",
                                     "--san", "dns:localhost", "--san", "ip:127.0.0.1", "--out", scratch.file("tls")])
            let anchor: String
            if let anchorCertificate {
                anchor = anchorCertificate
            } else {
                try await rolesanywhere(["ca", "init", "--dir", scratch.file("client-ca"),
                                         "--subject", "CN=E2E Edge Root CA,O=Example Corp"])
                anchor = scratch.file("client-ca/ca.pem")
            }
            let server = try await ServerProcess.start(
                environment: environment, dataDirectory: scratch.file("data"), tlsCertificate: scratch.file("tls.pem"),
                tlsKey: scratch.file("tls.key"), caBundle: scratch.file("tls-ca/ca.pem"), logPath: scratch.file("server.log"),
                home: home)
            let deployed = try await Run.run(environment.rolesanywhere,
                                             ["deploy", "--data-dir", scratch.file("data"), environment.exampleTemplate,
                                              "--stack-name", stackName, "--parameter", "CACertificateBody=@" + anchor],
                                             environment: Run.baseEnvironment(home: home))
            struct Stack: Decodable { let outputs: StackArns }
            guard deployed.succeeded, let stack = try? JSONDecoder().decode(Stack.self, from: Data(deployed.standardOutput.utf8)) else {
                _ = try? await server.stop()
                throw FixtureError("deploying the example template failed: \(deployed)")
            }
            return EdgeDeployment(environment: environment, scratch: scratch, server: server, arns: stack.outputs,
                                  anchorCertificate: anchor)
        } catch {
            scratch.remove()
            throw error
        }
    }

    /// Runs `body` against a fresh deployment, then stops the server and requires a clean exit 0.
    static func with(label: String, anchorCertificate: String? = nil,
                     _ body: (EdgeDeployment) async throws -> Void) async throws {
        let deployment = try await start(label: label, anchorCertificate: anchorCertificate)
        var failure: (any Error)?
        do { try await body(deployment) } catch { failure = error }
        try await deployment.shutdown()
        if let failure { throw failure }
    }

    /// SIGTERM, then the exit must be a normal exit with status 0; the scratch directory goes too.
    func shutdown() async throws {
        let outcome = try await server.stop()
        let log = server.log
        scratch.remove()
        guard !outcome.timedOut, !outcome.signaled, outcome.status == 0 else {
            throw FixtureError("""
                rolesanywhere serve did not exit 0 on SIGTERM (status \(outcome.status), signaled \(outcome.signaled), \
                timed out \(outcome.timedOut)); log:\n\(log)
                """)
        }
    }

    // MARK: - Commands against this deployment

    /// `rolesanywhere ARGS` with this deployment's environment.
    func rolesanywhere(_ arguments: [String]) async throws -> RunResult {
        try await Run.run(environment.rolesanywhere, arguments, environment: Run.baseEnvironment(home: home))
    }

    /// Issues a client certificate from the built-in client CA.
    func issue(_ name: String, subject: String) async throws -> ClientCertificate {
        let result = try await rolesanywhere(["ca", "issue", "--dir", clientCADirectory, "--subject", subject, "--out", scratch.file(name)])
        guard result.succeeded else { throw FixtureError("ca issue failed: \(result)") }
        return try await ClientCertificate.load(certificate: scratch.file(name + ".pem"), key: scratch.file(name + ".key"), home: home)
    }

    /// The flags the article's `credential_process` line passes, against this server.
    func helperArguments(_ certificate: ClientCertificate, intermediates: String? = nil) -> [String] {
        ["credential-process", "--certificate", certificate.certificate, "--private-key", certificate.key]
            + (intermediates.map { ["--intermediates", $0] } ?? [])
            + ["--trust-anchor-arn", arns.trustAnchorArn, "--profile-arn", arns.profileArn, "--role-arn", arns.roleArn,
               "--endpoint", endpoint]
    }

    /// `aws_signing_helper credential-process` for `certificate`; `trustingTLSCA` sets AWS_CA_BUNDLE.
    func credentialProcess(_ certificate: ClientCertificate, intermediates: String? = nil,
                           trustingTLSCA: Bool = true) async throws -> RunResult {
        var environment = Run.baseEnvironment(home: home)
        if trustingTLSCA { environment["AWS_CA_BUNDLE"] = tlsCABundle }
        return try await Run.run(self.environment.helper, helperArguments(certificate, intermediates: intermediates),
                                 environment: environment, timeout: .seconds(30))
    }

    /// Credentials the helper obtained, or a thrown error quoting the run.
    func credentials(_ certificate: ClientCertificate, intermediates: String? = nil) async throws -> CredentialProcessOutput {
        let run = try await credentialProcess(certificate, intermediates: intermediates)
        guard run.succeeded, let output = CredentialProcessOutput(exactly: run.standardOutput) else {
            throw FixtureError("credential-process did not hand out credentials: \(run)")
        }
        return output
    }

    /// Writes an AWS config whose profile `edge-workload` has the helper as credential_process,
    /// returning the environment the AWS CLI and boto3 need (and nothing from the developer's own).
    func awsEnvironment(for certificate: ClientCertificate, intermediates: String? = nil,
                        configName: String) throws -> [String: String] {
        let line = ([environment.helper] + helperArguments(certificate, intermediates: intermediates)).joined(separator: " ")
        let config = try scratch.write("[profile edge-workload]\nregion = us-east-1\ncredential_process = \(line)\n",
                                       to: configName)
        var variables = Run.baseEnvironment(home: home)
        variables["AWS_CONFIG_FILE"] = config
        variables["AWS_SHARED_CREDENTIALS_FILE"] = scratch.file(configName + ".no-credentials")
        variables["AWS_CA_BUNDLE"] = tlsCABundle
        variables["AWS_EC2_METADATA_DISABLED"] = "true"
        return variables
    }

    /// Runs a Python snippet with the venv's interpreter.
    func python(_ code: String, arguments: [String] = [], environment variables: [String: String]? = nil) async throws -> RunResult {
        try await Run.run(environment.python, ["-c", code] + arguments,
                          environment: variables ?? Run.baseEnvironment(home: home), timeout: .seconds(60))
    }

    /// `rolesanywhere audit --data-dir`: the raw text and each line decoded.
    func audit() async throws -> (text: String, entries: [AuditEntry]) {
        let result = try await rolesanywhere(["audit", "--data-dir", dataDirectory])
        guard result.succeeded else { throw FixtureError("rolesanywhere audit failed: \(result)") }
        let decoder = JSONDecoder()
        let entries = try result.standardOutput.split(separator: "\n").map { line in
            do { return try decoder.decode(AuditEntry.self, from: Data(line.utf8)) } catch {
                throw FixtureError("audit line is not a record: \(line) (\(error))")
            }
        }
        return (result.standardOutput, entries)
    }
}
