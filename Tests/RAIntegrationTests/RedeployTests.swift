import Foundation
import Testing

/// Redeploying the stack under a running server: the server sees the new state at the next request,
/// and a template that cannot deploy changes nothing.
@Suite struct RedeployTests {
    /// The example template without its profile (and the outputs that name it).
    static func templateWithoutProfile(_ example: String) throws -> String {
        var lines: [Substring] = []
        var skipping = false
        for line in example.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "  EdgeProfile:" || line == "  ProfileArn:" || line == "  CredentialProcessHint:" {
                skipping = true
                continue
            }
            if skipping, line.hasPrefix("    ") || line.isEmpty { continue }
            skipping = false
            lines.append(line)
        }
        let text = lines.joined(separator: "\n")
        guard !text.contains("EdgeProfile"), text.contains("OnPremAnchor:"), text.contains("BackupRole:") else {
            throw FixtureError("examples/edge-workload.yaml changed shape; cannot remove its profile:\n\(text)")
        }
        return text
    }

    @Test func theRunningServerSeesRedeploysAndAFailedDeployChangesNothing() async throws {
        try await EdgeDeployment.with(label: "redeploy") { deployment in
            let example = try String(contentsOfFile: deployment.environment.exampleTemplate, encoding: .utf8)
            let edge = try await deployment.issue("edge", subject: "CN=edge-01,OU=DataCenter-Northeast,O=Example Corp")
            _ = try await deployment.credentials(edge)

            func deploy(_ template: String, named name: String) async throws -> RunResult {
                let path = try deployment.scratch.write(template, to: name)
                return try await deployment.rolesanywhere(
                    ["deploy", "--data-dir", deployment.dataDirectory, path, "--stack-name", EdgeDeployment.stackName,
                     "--parameter", "CACertificateBody=@" + deployment.anchorCertificate])
            }

            // An unknown resource type fails, names the type, and leaves the stack (profile included) in place.
            let withoutProfile = try Self.templateWithoutProfile(example)
            let unknownType = withoutProfile.replacingOccurrences(
                of: "\nOutputs:", with: "\n  Workstation:\n    Type: AWS::EC2::Instance\n    Properties:\n      ImageId: ami-12345678\n\nOutputs:")
            let failed = try await deploy(unknownType, named: "unknown-type.yaml")
            #expect(failed.exitCode == 1, "\(failed)")
            #expect(failed.standardOutput == "")
            #expect(failed.standardError.contains("AWS::EC2::Instance"), "\(failed)")
            #expect(failed.standardError.contains("nothing was changed"), "\(failed)")
            _ = try await deployment.credentials(edge)

            // Without the profile: the next request names a profile that no longer exists.
            let removed = try await deploy(withoutProfile, named: "no-profile.yaml")
            #expect(removed.succeeded, "\(removed)")
            struct Stack: Decodable { let deleted: [String] }
            let stack = try JSONDecoder().decode(Stack.self, from: Data(removed.standardOutput.utf8))
            #expect(stack.deleted == ["EdgeProfile"])

            let refused = try await deployment.credentialProcess(edge)
            #expect(refused.exitCode == 1, "\(refused)")
            #expect(refused.standardOutput == "")
            #expect(refused.errorLines.count == 1, "\(refused)")
            #expect(refused.standardError.contains("StatusCode: 404"), "\(refused)")
            #expect(refused.standardError.contains(
                "ResourceNotFoundException: Profile \(deployment.arns.profileArn) was not found."), "\(refused)")

            // Deploying the example again brings a profile back (a new one) that works.
            let restored = try await deploy(example, named: "restored.yaml")
            #expect(restored.succeeded, "\(restored)")
            struct Outputs: Decodable { let outputs: StackArns }
            let arns = try JSONDecoder().decode(Outputs.self, from: Data(restored.standardOutput.utf8)).outputs
            #expect(arns.trustAnchorArn == deployment.arns.trustAnchorArn)
            #expect(arns.profileArn != deployment.arns.profileArn)
        }
    }
}
