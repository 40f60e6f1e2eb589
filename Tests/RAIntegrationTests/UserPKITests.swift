import Foundation
import Testing

/// The server trusting a PKI the user built with openssl (not our CA): chains through an
/// intermediate sent by the client, RSA and EC leaves, and the intermediate's own CRL.
@Suite struct UserPKITests {
    static let untrusted = "AccessDeniedException: Untrusted Signing Certificate"
    static let notAuthorized = "AccessDeniedException: Not authorized to perform sts:AssumeRole on the requested role."

    @Test func aLeafOfTheIntermediateNeedsTheIntermediateSent() async throws {
        let pki = try await UserPKI.make(label: "pki-chain")
        defer { pki.remove() }
        try await EdgeDeployment.with(label: "pki-chain", anchorCertificate: pki.root) { deployment in
            for leaf in [pki.edgeEC, pki.edgeRSA] {
                let granted = try await deployment.credentialProcess(leaf, intermediates: pki.intermediate)
                #expect(granted.succeeded && CredentialProcessOutput(exactly: granted.standardOutput) != nil, "\(granted)")

                let withoutChain = try await deployment.credentialProcess(leaf)
                #expect(withoutChain.exitCode == 1, "\(withoutChain)")
                #expect(withoutChain.errorLines.count == 1 && withoutChain.standardError.contains(Self.untrusted), "\(withoutChain)")
            }
            let otherUnit = try await deployment.credentialProcess(pki.retail, intermediates: pki.intermediate)
            #expect(otherUnit.exitCode == 1 && otherUnit.standardError.contains(Self.notAuthorized), "\(otherUnit)")

            // The assumed role carries the openssl-issued serial, through the real AWS CLI too.
            let environment = try deployment.awsEnvironment(for: pki.edgeRSA, intermediates: pki.intermediate, configName: "pki.config")
            let cli = try await Run.run(deployment.environment.aws,
                                        ["sts", "get-caller-identity", "--endpoint-url", deployment.endpoint,
                                         "--profile", "edge-workload", "--query", "Arn", "--output", "text"],
                                        environment: environment, timeout: .seconds(90))
            #expect(cli.succeeded && cli.standardOutput == pki.edgeRSA.assumedRoleArn + "\n", "\(cli)")
        }
    }

    @Test(arguments: ["pem", "der"])
    func theOpenSSLCRLRefusesOnlyTheRevokedLeaf(format: String) async throws {
        let pki = try await UserPKI.make(label: "pki-crl-\(format)")
        defer { pki.remove() }
        try await EdgeDeployment.with(label: "pki-crl-\(format)", anchorCertificate: pki.root) { deployment in
            // Before the CRL, the leaf-to-be-refused works: the CRL is what refuses it afterwards.
            _ = try await deployment.credentials(pki.revoked, intermediates: pki.intermediate)

            let imported = try await deployment.rolesanywhere(
                ["crl", "import", "--data-dir", deployment.dataDirectory, "--trust-anchor-arn", deployment.arns.trustAnchorArn,
                 "--name", "issuing-ca-1", format == "pem" ? pki.crlPEM : pki.crlDER])
            #expect(imported.succeeded, "\(imported)")
            #expect(imported.standardOutput.hasPrefix("imported CRL 'issuing-ca-1' (arn:aws:rolesanywhere:us-east-1:123456789012:crl/"),
                    "\(imported)")

            let refused = try await deployment.credentialProcess(pki.revoked, intermediates: pki.intermediate)
            #expect(refused.exitCode == 1, "\(refused)")
            #expect(refused.errorLines.count == 1 && refused.standardError.contains(Self.untrusted), "\(refused)")
            for leaf in [pki.edgeEC, pki.edgeRSA] {
                let granted = try await deployment.credentialProcess(leaf, intermediates: pki.intermediate)
                #expect(granted.succeeded && CredentialProcessOutput(exactly: granted.standardOutput) != nil, "\(granted)")
            }
            let otherUnit = try await deployment.credentialProcess(pki.retail, intermediates: pki.intermediate)
            #expect(otherUnit.exitCode == 1 && otherUnit.standardError.contains(Self.notAuthorized), "\(otherUnit)")

            let denial = try await deployment.audit().entries.last { $0.certificate?.serialNumberHex == pki.revoked.serialHex }
            #expect(denial?.errorCode == "AccessDeniedException")
            #expect(denial?.denialReason?.contains("revoked") == true, "\(denial?.denialReason ?? "-")")
        }
    }
}
