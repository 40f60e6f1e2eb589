import Foundation
import Testing

extension EdgeWorkload {
    /// AWS's Python client, iam-rolesanywhere-session: ARNs in the JSON body, content type
    /// `application/x-amz-json-1.0`, its own SigV4-X509 signer; then boto3 STS with what it got.
    @Suite struct PythonClientTests {
        static let script = """
            import sys
            from iam_rolesanywhere_session import IAMRolesAnywhereSession
            port, ca, certificate, key, anchor, profile, role = sys.argv[1:8]
            client = IAMRolesAnywhereSession(
                profile_arn=profile, role_arn=role, trust_anchor_arn=anchor,
                certificate=open(certificate, "rb").read(), private_key=open(key, "rb").read(),
                region="us-east-1", endpoint="localhost:" + port, verify=ca, session_duration=900)
            session = client.get_session()
            credentials = session.get_credentials().get_frozen_credentials()
            identity = session.client("sts", endpoint_url="https://localhost:" + port).get_caller_identity()
            print(identity["Arn"])
            print(credentials.access_key)
            """

        @Test func obtainsCredentialsAndCallsSTS() async throws {
            let deployment = try EdgeWorkload.deployment
            let edge = try await deployment.issue("python-edge", subject: "CN=edge-py,OU=DataCenter-Northeast,O=Example Corp")
            let run = try await deployment.python(
                Self.script,
                arguments: [String(deployment.server.port), deployment.tlsCABundle, edge.certificate, edge.key,
                            deployment.arns.trustAnchorArn, deployment.arns.profileArn, deployment.arns.roleArn])
            #expect(run.succeeded, "\(run)")
            let lines = run.standardOutput.split(separator: "\n").map(String.init)
            #expect(lines.count == 2, "\(run)")
            #expect(lines.first == edge.assumedRoleArn)
            let accessKeyId = try #require(lines.last)
            #expect(accessKeyId.hasPrefix("ASIA") && accessKeyId.count == 20, "\(accessKeyId)")

            // The audit trail shows it was this client (urllib3, body-style request) that was granted, for 900 s.
            let granted = try await deployment.audit().entries.filter {
                $0.eventName == "CreateSession" && $0.responseElements?["accessKeyId"] == accessKeyId
            }
            #expect(granted.count == 1)
            #expect(granted.first?.certificate?.serialNumberHex == edge.serialHex)
            #expect(granted.first?.responseElements?["durationSeconds"] == "900")
            #expect(granted.first?.userAgent.hasPrefix("python-urllib3/") == true, "\(granted.first?.userAgent ?? "-")")
        }
    }
}
