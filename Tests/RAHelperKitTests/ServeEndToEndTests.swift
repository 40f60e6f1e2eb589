import Foundation
import Testing

/// `serve` and `update` with the real boto3 and AWS CLI in front and the real `rolesanywhere
/// serve` behind. Serialized: each test runs its own server, and the machine has two cores.
@Suite(.serialized)
struct ServeEndToEndTests {
    static let assumedRole = "arn:aws:sts::123456789012:assumed-role/EdgeBackupRole/"

    @Test func boto3AndTheCLIGetCredentialsFromIMDSAndTheContainerEndpoint() async throws {
        try await ServeDeployment.with { deployment in
            let tokenFile = deployment.directory + "/ecs-token"
            let helper = try ServeHelperProcess(deployment, ["--hop-limit", "1", "--ecs-token-file", tokenFile])
            let exports = try await helper.exports(count: 3)
            let metadata = try #require(exports["AWS_EC2_METADATA_SERVICE_ENDPOINT"])
            let container = try #require(exports["AWS_CONTAINER_CREDENTIALS_FULL_URI"])
            #expect(metadata.hasPrefix("http://127.0.0.1:"))
            #expect(container == metadata + "/creds")
            #expect(exports["AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"] == tokenFile)
            let token = try String(contentsOfFile: tokenFile, encoding: .utf8).trimmingCharacters(in: .newlines)
            #expect(token.count == 64)
            #expect(try FileManager.default.attributesOfItem(atPath: tokenFile)[.posixPermissions] as? Int == 0o600)
            #expect(!helper.process.standardError.contains(token), "the token never reaches the log")

            // IMDSv2, as on EC2: the AWS CLI and boto3 find the role through the metadata endpoint.
            let imds = ["AWS_EC2_METADATA_SERVICE_ENDPOINT": metadata]
            let cli = try await deployment.callerIdentity(imds)
            #expect(cli.status == 0, "\(cli)")
            #expect(cli.standardOutput.hasPrefix(Self.assumedRole), "\(cli)")
            let python = try await deployment.boto3(imds)
            #expect(python.status == 0, "\(python)")
            let lines = python.standardOutput.split(separator: "\n").map(String.init)
            #expect(lines.first == "iam-role")
            #expect(lines.count == 3 && lines[1].hasPrefix("ASIA") && lines[2].hasPrefix(Self.assumedRole), "\(python)")

            // The ECS-style endpoint, with the token in the environment or in a file.
            let ecs = ["AWS_CONTAINER_CREDENTIALS_FULL_URI": container, "AWS_CONTAINER_AUTHORIZATION_TOKEN": token,
                       "AWS_EC2_METADATA_DISABLED": "true"]
            let cliECS = try await deployment.callerIdentity(ecs)
            #expect(cliECS.status == 0 && cliECS.standardOutput.hasPrefix(Self.assumedRole), "\(cliECS)")
            let pythonECS = try await deployment.boto3(["AWS_CONTAINER_CREDENTIALS_FULL_URI": container,
                                                        "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE": tokenFile,
                                                        "AWS_EC2_METADATA_DISABLED": "true"])
            #expect(pythonECS.status == 0, "\(pythonECS)")
            #expect(pythonECS.standardOutput.hasPrefix("container-role\nASIA"), "\(pythonECS)")

            // A wrong token gets no credentials.
            let wrong = try await deployment.callerIdentity(ecs.merging(["AWS_CONTAINER_AUTHORIZATION_TOKEN": "guess"]) { $1 })
            #expect(wrong.status != 0)
            #expect(wrong.standardError.contains("403") || wrong.standardError.contains("credentials"), "\(wrong)")

            let stopped = try await helper.process.stop()
            #expect(stopped.status == 0 && !stopped.signaled, "SIGTERM ends serve cleanly")
            #expect(helper.logLines(containing: "INFO Received signal 15, shutting down").count == 1)
            #expect(helper.logLines(containing: "INFO Local server started on port: ").count == 1)
        }
    }

    @Test func boto3ReadsIMDSOnIPv6Loopback() async throws {
        try await ServeDeployment.with { deployment in
            let helper = try ServeHelperProcess(deployment, ["--listen", "::1"])
            let exports = try await helper.exports(count: 1)
            let metadata = try #require(exports["AWS_EC2_METADATA_SERVICE_ENDPOINT"])
            #expect(metadata.hasPrefix("http://[::1]:"))
            let python = try await deployment.boto3(["AWS_EC2_METADATA_SERVICE_ENDPOINT": metadata])
            #expect(python.status == 0 && python.standardOutput.hasPrefix("iam-role\nASIA"), "\(python)")
            _ = try await helper.process.stop()
        }
    }

    /// The server goes away while a refresh is due: the last credentials keep being served; once
    /// it is back, the next retry refreshes and the CLI works with the new set.
    @Test func aServerOutageDuringRefresh() async throws {
        try await ServeDeployment.with { deployment in
            // 15-minute sessions refreshed 10 s after they are obtained.
            let helper = try ServeHelperProcess(deployment, ["--ecs-endpoint", "--session-duration", "900",
                                                             "--refresh-window", "890"])
            let exports = try await helper.exports(count: 3)
            let container = try #require(exports["AWS_CONTAINER_CREDENTIALS_FULL_URI"])
            let token = try #require(exports["AWS_CONTAINER_AUTHORIZATION_TOKEN"])
            func served() async throws -> (status: Int, accessKeyId: String) {
                let code = """
                    import json, sys, urllib.request, urllib.error
                    request = urllib.request.Request(sys.argv[1], headers={"Authorization": sys.argv[2]})
                    try:
                        print(200, json.load(urllib.request.urlopen(request, timeout=5))["AccessKeyId"])
                    except urllib.error.HTTPError as error:
                        print(error.code, "-")
                    """
                let result = try await ServeEndToEnd.run(ServeEndToEnd.python, ["-c", code, container, token],
                                                         environment: deployment.environment())
                let parts = result.standardOutput.split(separator: " ")
                guard result.status == 0, parts.count == 2, let status = Int(parts[0]) else {
                    throw ServeEndToEnd.Failure("fetching from the container endpoint failed: \(result)")
                }
                return (status, parts[1].trimmingCharacters(in: .whitespacesAndNewlines))
            }
            let first = try await served()
            #expect(first.status == 200 && first.accessKeyId.hasPrefix("ASIA"))

            try await deployment.stopServer()
            try await ServeEndToEnd.waitUntil("a failed refresh in the log", timeout: 60) {
                !helper.logLines(containing: "WARN Refreshing credentials failed").isEmpty
            }
            let obtainedBeforeRecovery = helper.logLines(containing: "INFO Obtained credentials").count
            let during = try await served()
            #expect(during.status == 200, "still-valid credentials are served during the outage")
            #expect(during.accessKeyId.hasPrefix("ASIA"))
            let warning = try #require(helper.logLines(containing: "WARN Refreshing credentials failed").first)
            #expect(warning.contains("still serving credentials valid until"))
            #expect(warning.contains("next attempt in"))

            try await deployment.restartServer()
            try await ServeEndToEnd.waitUntil("a refresh after the server is back", timeout: 90) {
                helper.logLines(containing: "INFO Obtained credentials").count > obtainedBeforeRecovery
            }
            let after = try await served()
            #expect(after.status == 200)
            #expect(after.accessKeyId != during.accessKeyId, "new credentials after recovery")
            let cli = try await deployment.callerIdentity(["AWS_CONTAINER_CREDENTIALS_FULL_URI": container,
                                                           "AWS_CONTAINER_AUTHORIZATION_TOKEN": token,
                                                           "AWS_EC2_METADATA_DISABLED": "true"])
            #expect(cli.status == 0 && cli.standardOutput.hasPrefix(Self.assumedRole), "\(cli)")
            for line in helper.process.standardError.split(separator: "\n") {
                #expect(!line.contains(after.accessKeyId) || line.isEmpty, "no access key in the log")
                #expect(!line.contains(token))
            }
            _ = try await helper.process.stop()
        }
    }

    /// The file: other profiles, comments, CRLF, the target profile last.
    @Test func updateOnceThenTheCLIUsesTheProfile() async throws {
        try await ServeDeployment.with { deployment in
            let file = deployment.home + "/credentials"
            let original = "# edited by hand\r\n[default]\r\nregion = us-east-1\r\n\r\n; the team's keys\r\n[team]\r\n"
                + "aws_access_key_id = AKIATEAMEXAMPLE\r\naws_secret_access_key = teamsecret\r\n\r\n[edge]\r\nregion = us-east-1\r\n"
                + "output = text\r\n"
            try Data(original.utf8).write(to: URL(fileURLWithPath: file))
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file)
            let environment = deployment.environment(["AWS_SHARED_CREDENTIALS_FILE": file])
            let update = try await ServeEndToEnd.run(ServeEndToEnd.helper, ["update", "--once", "--profile", "edge"]
                                                     + deployment.credentialArguments, environment: environment)
            #expect(update.status == 0, "\(update)")
            #expect(update.standardOutput == "")
            #expect(update.standardError == "", "--once is quiet on success, as the official helper")
            let text = try String(contentsOfFile: file, encoding: .utf8)
            let prefix = "# edited by hand\r\n[default]\r\nregion = us-east-1\r\n\r\n; the team's keys\r\n[team]\r\n"
                + "aws_access_key_id = AKIATEAMEXAMPLE\r\naws_secret_access_key = teamsecret\r\n\r\n[edge]\r\nregion = us-east-1\r\n"
                + "output = text\r\naws_access_key_id = ASIA"
            #expect(text.hasPrefix(prefix), "\(text)")
            #expect(text.hasSuffix("\r\n") && text.contains("\r\naws_secret_access_key = ") && text.contains("\r\naws_session_token = "))
            #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "CRLF everywhere")
            #expect(try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int == 0o600)
            let cli = try await deployment.callerIdentity(["AWS_SHARED_CREDENTIALS_FILE": file, "AWS_EC2_METADATA_DISABLED": "true"],
                                                          arguments: ["--profile", "edge"])
            #expect(cli.status == 0 && cli.standardOutput.hasPrefix(Self.assumedRole), "\(cli)")
        }
    }

    /// Without `--once`, `update` rewrites the profile at every refresh and stops on SIGTERM.
    @Test func updateKeepsTheProfileFresh() async throws {
        try await ServeDeployment.with { deployment in
            let file = deployment.home + "/credentials"
            let environment = deployment.environment(["AWS_SHARED_CREDENTIALS_FILE": file])
            let updater = try BackgroundProcess(ServeEndToEnd.helper, ["update", "--session-duration", "900", "--refresh-window", "893"]
                                                + deployment.credentialArguments, environment: environment)
            func accessKey() -> String? {
                guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { return nil }
                return text.split(separator: "\n").first { $0.hasPrefix("aws_access_key_id = ") }.map { String($0.dropFirst(20)) }
            }
            try await ServeEndToEnd.waitUntil("the first write", timeout: 60) { accessKey() != nil }
            let first = accessKey()
            try await ServeEndToEnd.waitUntil("the refresh's write", timeout: 60) { accessKey() != first }
            #expect(try String(contentsOfFile: file, encoding: .utf8).hasPrefix("[default]\naws_access_key_id = ASIA"))
            let stopped = try await updater.stop()
            #expect(stopped.status == 0 && !stopped.signaled)
            #expect(updater.standardError.contains("INFO Wrote credentials valid until "))
        }
    }
}

/// Start-up failures of the built binary: one line on stderr, exit 1, nothing on stdout.
struct ServeCommandLineTests {
    static let role = ["--role-arn", "arn:aws:iam::123456789012:role/EdgeBackupRole"]

    @Test(arguments: [
        (["serve", "--role-arn", "bogus"], "invalid role ARN\n"),
        (["serve"] + role + ["--listen", "0.0.0.0"],
         "refusing to listen on 0.0.0.0: it is not a loopback address, so other hosts could take the credentials; "
            + "pass --allow-non-loopback to do it anyway (with --hop-limit 1)\n"),
        (["serve"] + role + ["--listen", "localhost"], "invalid listen address localhost: not an IPv4 or IPv6 address\n"),
        (["serve"] + role + ["--hop-limit", "0"], "invalid hop limit 0: it must be in 1...255\n"),
        (["serve"] + role + ["--port", "65536"], "invalid port 65536: it must be in 0...65535\n"),
        (["serve"] + role + ["--log-level", "loud"], "invalid log level \"loud\": use debug, info, warn or error\n"),
        (["update", "--refresh-window", "-1"], "invalid refresh window -1: it must be zero or more seconds\n"),
        (["update", "--once", "--certificate", "/nonexistent/cert.pem"],
         "failed to read certificate: open /nonexistent/cert.pem: no such file or directory\n"),
        (["serve"] + role + ["--certificate", "/nonexistent/cert.pem"],
         "failed to read certificate: open /nonexistent/cert.pem: no such file or directory\n"),
    ])
    func failures(arguments: [String], message: String) throws {
        let run = try HelperBinaryTests.run(arguments, environment: ["HOME": NSTemporaryDirectory()])
        #expect(run.exitCode == 1)
        #expect(run.standardOutput == "")
        #expect(run.standardError == message)
    }

    @Test func helpListsServeAndUpdate() throws {
        let run = try HelperBinaryTests.run(["--help"])
        #expect(run.standardOutput.contains("  serve "))
        #expect(run.standardOutput.contains("  update "))
        let serve = try HelperBinaryTests.run(["serve", "--help"])
        #expect(serve.standardOutput.contains("--port int"))
        #expect(serve.standardOutput.contains("(default 9911)"))
        #expect(serve.standardOutput.contains("--hop-limit int"))
        #expect(serve.standardOutput.contains("(default 64)"))
        let update = try HelperBinaryTests.run(["update", "--help"])
        #expect(update.standardOutput.contains("--profile string"))
        #expect(update.standardOutput.contains("profile to update (default \"default\")"))
        #expect(update.standardOutput.contains("--once"))
    }
}
