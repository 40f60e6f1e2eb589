import Foundation
import Testing

extension EdgeWorkload {
    /// Revoking at the CA and importing its CRL while the server runs takes effect at the next request.
    @Suite struct RevocationTests {
        @Test func aRevokedCertificateIsRefusedAtItsNextRequest() async throws {
            let deployment = try EdgeWorkload.deployment
            let doomed = try await deployment.issue("revoke-edge", subject: "CN=edge-lost,OU=DataCenter-Northeast,O=Example Corp")
            let bystander = try await deployment.issue("revoke-bystander", subject: "CN=edge-kept,OU=DataCenter-Northeast,O=Example Corp")
            _ = try await deployment.credentials(doomed)

            let crl = deployment.scratch.file("revocation.crl")
            for step in [["ca", "revoke", "--dir", deployment.clientCADirectory, doomed.certificate],
                         ["ca", "crl", "--dir", deployment.clientCADirectory, "--out", crl],
                         ["crl", "import", "--data-dir", deployment.dataDirectory, "--trust-anchor-arn",
                          deployment.arns.trustAnchorArn, "--name", "edge-ca-crl", crl]] {
                let run = try await deployment.rolesanywhere(step)
                try #require(run.succeeded, "\(run)")
            }
            #expect(deployment.server.isRunning)

            let refused = try await deployment.credentialProcess(doomed)
            #expect(refused.exitCode == 1, "\(refused)")
            #expect(refused.standardOutput == "")
            #expect(refused.errorLines.count == 1, "\(refused)")
            #expect(refused.standardError.contains("AccessDeniedException: Untrusted Signing Certificate"), "\(refused)")

            // Only the revoked serial is refused; another certificate of the same CA keeps working.
            _ = try await deployment.credentials(bystander)

            let denied = try await deployment.audit().entries.filter {
                $0.certificate?.serialNumberHex == doomed.serialHex && $0.errorCode != nil
            }
            #expect(denied.count == 1)
            #expect(denied.first?.errorCode == "AccessDeniedException")
            #expect(denied.first?.denialReason?.contains("revoked") == true, "\(denied.first?.denialReason ?? "-")")
        }
    }
}
