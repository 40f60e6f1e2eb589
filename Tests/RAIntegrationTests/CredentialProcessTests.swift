import Foundation
import Testing

extension EdgeWorkload {
    /// `aws_signing_helper credential-process` against the live server, as `credential_process` runs it.
    @Suite struct CredentialProcessTests {
        @Test func printsTheCredentialProcessJSONExactly() async throws {
            let deployment = try EdgeWorkload.deployment
            let edge = try await deployment.issue("helper-edge", subject: "CN=edge-01,OU=DataCenter-Northeast,O=Example Corp")
            let requested = Date()
            let run = try await deployment.credentialProcess(edge)
            #expect(run.succeeded, "\(run)")
            #expect(run.standardError == "", "\(run)")
            #expect(!run.standardOutput.hasSuffix("\n"), "the output must not end in a newline")
            let output = try #require(CredentialProcessOutput(exactly: run.standardOutput),
                                      "stdout is not the exact credential_process JSON: \(run.standardOutput)")
            // The profile's DurationSeconds is 3600: expiry an hour out, to the second, give or take the run.
            let lifetime = output.expiration.timeIntervalSince(requested)
            #expect(lifetime > 3600 - 30 && lifetime <= 3600 + 5, "expiration \(output.expiration) is not an hour after \(requested)")
        }

        @Test func eachCallGetsFreshCredentials() async throws {
            let deployment = try EdgeWorkload.deployment
            let edge = try await deployment.issue("helper-fresh", subject: "CN=edge-02,OU=DataCenter-Northeast,O=Example Corp")
            let first = try await deployment.credentials(edge)
            let second = try await deployment.credentials(edge)
            #expect(first.accessKeyId != second.accessKeyId)
            #expect(first.secretAccessKey != second.secretAccessKey)
        }

        @Test func withoutTheCABundleTheServerIsNotTrusted() async throws {
            let deployment = try EdgeWorkload.deployment
            let edge = try await deployment.issue("helper-notls", subject: "CN=edge-03,OU=DataCenter-Northeast,O=Example Corp")
            let run = try await deployment.credentialProcess(edge, trustingTLSCA: false)
            #expect(run.exitCode == 1 && !run.signaled, "\(run)")
            #expect(run.standardOutput == "")
            #expect(run.errorLines.count == 1, "one error line expected: \(run)")
            let line = try #require(run.errorLines.first).description
            #expect(line.hasPrefix("operation error RolesAnywhere: CreateSession"), "\(line)")
            #expect(line.contains("unable to get local issuer certificate"), "not a TLS verification error: \(line)")
        }

        @Test func anotherOrganizationalUnitIsRefusedByTheTrustPolicy() async throws {
            let deployment = try EdgeWorkload.deployment
            let retail = try await deployment.issue("helper-retail", subject: "CN=pos-17,OU=Retail-West,O=Example Corp")
            let run = try await deployment.credentialProcess(retail)
            #expect(run.exitCode == 1, "\(run)")
            #expect(run.standardOutput == "")
            #expect(run.errorLines.count == 1 && run.standardError.contains(
                "StatusCode: 403, RequestID: "), "\(run)")
            #expect(run.standardError.hasSuffix(
                "AccessDeniedException: Not authorized to perform sts:AssumeRole on the requested role.\n"), "\(run)")
        }
    }
}
