import Foundation
import Testing

/// The data dir as the commands treat it: it remembers its account and region, read-only commands
/// refuse one without a database, `deploy` reads a template from anywhere, `undeploy` tears a
/// stack down, and `serve` checks its flags and its TLS certificate before it starts.
@Suite struct DataDirectoryCommandTests {
    static let mismatch = "this data dir belongs to account 999999999999 in eu-central-1; --region us-east-1 differs "
        + "(omit the flag to use the data dir's, or give another --data-dir)\n"

    /// A workspace with a client CA to deploy the example template against.
    static func workspace(_ label: String) async throws -> CLIWorkspace {
        let workspace = try CLIWorkspace(label: label)
        try await workspace.succeed(["ca", "init", "--dir", workspace.file("ca"), "--subject", "CN=Data Dir Test CA"])
        return workspace
    }

    static func deployArguments(_ workspace: CLIWorkspace, template: String? = nil) -> [String] {
        ["deploy", "--data-dir", workspace.file("data"), template ?? workspace.environment.exampleTemplate, "--stack-name", "edge",
         "--parameter", "CACertificateBody=@" + workspace.file("ca/ca.pem")]
    }

    @Test func deployUsesTheAccountAndRegionServeRecordedAndRefusesOthers() async throws {
        let workspace = try await Self.workspace("binding")
        defer { workspace.remove() }
        let served = try await workspace.serveLog(["--data-dir", workspace.file("data"), "--listen", "127.0.0.1:0",
                                                   "--account-id", "999999999999", "--region", "eu-central-1"])
        #expect(!served.exitedEarly, "\(served.lines)")

        let deployed = try await workspace.succeed(Self.deployArguments(workspace))
        struct Stack: Decodable { let stackId: String; let outputs: StackArns }
        let stack = try JSONDecoder().decode(Stack.self, from: Data(deployed.standardOutput.utf8))
        #expect(stack.stackId.hasPrefix("arn:aws:cloudformation:eu-central-1:999999999999:stack/edge/"))
        #expect(stack.outputs.trustAnchorArn.hasPrefix("arn:aws:rolesanywhere:eu-central-1:999999999999:trust-anchor/"))
        #expect(stack.outputs.profileArn.hasPrefix("arn:aws:rolesanywhere:eu-central-1:999999999999:profile/"))
        #expect(stack.outputs.roleArn == "arn:aws:iam::999999999999:role/EdgeBackupRole")

        let refused = try await workspace.run(Self.deployArguments(workspace) + ["--region", "us-east-1"])
        #expect(refused.exitCode == 1, "\(refused)")
        #expect(refused.standardOutput == "")
        #expect(refused.standardError == Self.mismatch)

        // The same values given again are fine; serve without flags answers as the recorded account.
        try await workspace.succeed(Self.deployArguments(workspace) + ["--account-id", "999999999999", "--region", "eu-central-1"])
        let again = try await workspace.serveLog(["--data-dir", workspace.file("data"), "--listen", "127.0.0.1:0"])
        let listening = try #require(again.lines.first { $0.contains("\"msg\":\"listening\"") }, "\(again.lines)")
        #expect(listening.contains("\"accountId\":\"999999999999\"") && listening.contains("\"region\":\"eu-central-1\""), "\(listening)")

        let serveRefused = try await workspace.serveLog(["--data-dir", workspace.file("data"), "--listen", "127.0.0.1:0",
                                                         "--region", "us-east-1"])
        #expect(serveRefused.exitedEarly)
        #expect(serveRefused.lines == [String(Self.mismatch.dropLast())])
    }

    @Test(arguments: ["audit", "crl import", "undeploy"])
    func readCommandsRefuseADataDirWithoutADatabase(_ command: String) async throws {
        let workspace = try CLIWorkspace(label: "no-db")
        defer { workspace.remove() }
        let missing = workspace.file("mistyped")
        let arguments: [String] = switch command {
        case "audit": ["audit", "--data-dir", missing]
        case "crl import": ["crl", "import", "--data-dir", missing, "--trust-anchor-arn", "arn:x", "--name", "n", "/dev/null"]
        default: ["undeploy", "--data-dir", missing, "--stack-name", "edge"]
        }
        let refused = try await workspace.run(arguments)
        #expect(refused.exitCode == 1, "\(refused)")
        #expect(refused.standardOutput == "")
        #expect(refused.standardError == "no Roles Anywhere data in \(missing) (rolesanywhere.db not found); check --data-dir\n")
        #expect(!FileManager.default.fileExists(atPath: missing), "\(command) created \(missing)")

        let help = try await workspace.run(command.split(separator: " ").map(String.init) + ["--help"])
        #expect(help.standardOutput.contains("must already hold rolesanywhere.db"), "\(help)")
    }

    @Test func deployReadsStandardInputAndCharacterDevices() async throws {
        let workspace = try await Self.workspace("stdin")
        defer { workspace.remove() }
        let template = try String(contentsOfFile: workspace.environment.exampleTemplate, encoding: .utf8)
        let fromStdin = try await workspace.run(Self.deployArguments(workspace, template: "-"), input: template)
        #expect(fromStdin.succeeded, "\(fromStdin)")
        #expect(fromStdin.standardOutput.contains("\"stackName\": \"edge\""), "\(fromStdin)")

        let empty = try await workspace.run(Self.deployArguments(workspace, template: "/dev/null"))
        #expect(empty.exitCode == 1)
        #expect(empty.standardError == "deploy failed, nothing was changed: Template format error: YAML not well-formed. "
            + "(line 1, column 1: the text contains no YAML document)\n", "\(empty)")
    }

    @Test func deployRefusesAStackNameCloudFormationWouldRefuse() async throws {
        let workspace = try await Self.workspace("stack-name")
        defer { workspace.remove() }
        var arguments = Self.deployArguments(workspace)
        arguments[arguments.firstIndex(of: "edge") ?? 0] = "my_stack"
        let refused = try await workspace.run(arguments)
        #expect(refused.exitCode == 1)
        #expect(refused.standardError == "Error: --stack-name: 1 validation error detected: Value 'my_stack' at 'stackName' failed to "
            + "satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z][-a-zA-Z0-9]*\n", "\(refused)")
    }

    @Test func undeployDeletesTheStackAndReportsWhatWent() async throws {
        let workspace = try await Self.workspace("undeploy")
        defer { workspace.remove() }
        let deployed = try await workspace.succeed(Self.deployArguments(workspace))
        struct Deployed: Decodable { let stackId: String }
        let stackId = try JSONDecoder().decode(Deployed.self, from: Data(deployed.standardOutput.utf8)).stackId

        let removed = try await workspace.run(["undeploy", "--data-dir", workspace.file("data"), "--stack-name", "edge"])
        #expect(removed.succeeded, "\(removed)")
        struct Entry: Decodable { let logicalId: String; let type: String }
        struct Removal: Decodable { let stackName: String; let stackId: String; let deleted: [Entry] }
        let removal = try JSONDecoder().decode(Removal.self, from: Data(removed.standardOutput.utf8))
        #expect(removal.stackName == "edge")
        #expect(removal.stackId == stackId)
        #expect(removal.deleted.map(\.logicalId) == ["EdgeProfile", "BackupRole", "OnPremAnchor"])

        let again = try await workspace.run(["undeploy", "--data-dir", workspace.file("data"), "--stack-name", "edge"])
        #expect(again.exitCode == 1)
        #expect(again.standardError == "undeploy failed, nothing was changed: Stack with id edge does not exist\n")
        // Gone for good: a redeploy creates every resource afresh.
        let redeployed = try await workspace.succeed(Self.deployArguments(workspace))
        struct Created: Decodable { let created: [String] }
        #expect(try JSONDecoder().decode(Created.self, from: Data(redeployed.standardOutput.utf8)).created
            == ["OnPremAnchor", "BackupRole", "EdgeProfile"])
    }

    @Test(arguments: [
        (["--threads", "0"], "Error: --threads 0 is out of range; give 1 to 256\n"),
        (["--threads=-1"], "Error: --threads -1 is out of range; give 1 to 256\n"),
        (["--threads", "257"], "Error: --threads 257 is out of range; give 1 to 256\n"),
        (["--clock-skew=-5"], "Error: --clock-skew -5 is out of range; give 0 to 3600 seconds\n"),
        (["--clock-skew", "3601"], "Error: --clock-skew 3601 is out of range; give 0 to 3600 seconds\n"),
    ])
    func serveRefusesFlagsThatCannotWork(_ flags: [String], _ message: String) async throws {
        let workspace = try CLIWorkspace(label: "serve-flags")
        defer { workspace.remove() }
        let result = try await workspace.run(["serve", "--data-dir", workspace.file("data"), "--listen", "127.0.0.1:0"] + flags)
        #expect(result.exitCode == 1, "\(result)")
        #expect(result.standardError == message)
        #expect(!FileManager.default.fileExists(atPath: workspace.file("data")), "a refused serve created its data dir")
    }

    @Test func serveWarnsAboutATLSCertificateClientsWouldRefuse() async throws {
        let workspace = try await Self.workspace("tls-warn")
        defer { workspace.remove() }
        try await workspace.succeed(["ca", "issue", "--dir", workspace.file("ca"), "--server", "--subject", "CN=ra.example.internal",
                                     "--out", workspace.file("other")])
        try await workspace.succeed(["ca", "issue", "--dir", workspace.file("ca"), "--subject", "CN=edge-01",
                                     "--out", workspace.file("client")])
        func warnings(_ name: String) async throws -> [String] {
            let served = try await workspace.serveLog(["--data-dir", workspace.file("data"), "--listen", "127.0.0.1:0",
                                                       "--tls-cert", workspace.file(name + ".pem"), "--tls-key", workspace.file(name + ".key")])
            #expect(!served.exitedEarly, "a warning must not stop the server: \(served.lines)")
            return served.lines.filter { $0.contains("\"level\":\"warn\"") }
        }
        let otherHost = try await warnings("other")
        #expect(otherHost.count == 1, "\(otherHost)")
        #expect(otherHost.first?.contains("the TLS certificate CN=ra.example.internal names DNS:ra.example.internal, "
            + "not the listen host 127.0.0.1; clients connecting to 127.0.0.1 will refuse it") == true, "\(otherHost)")

        let clientCertificate = try await warnings("client")
        #expect(clientCertificate.count == 2, "\(clientCertificate)")
        #expect(clientCertificate.first?.contains("has an extended key usage without serverAuth (1.3.6.1.5.5.7.3.1)") == true)
        #expect(clientCertificate.last?.contains("has no DNS or IP subjectAlternativeName") == true)
    }
}
