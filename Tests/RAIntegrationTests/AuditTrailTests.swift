import Foundation
import Testing

extension EdgeWorkload {
    /// `rolesanywhere audit`: every request with the certificate's serial, and never a secret.
    @Suite struct AuditTrailTests {
        @Test func grantedAndDeniedRequestsCarryTheSerialAndNoSecrets() async throws {
            let deployment = try EdgeWorkload.deployment
            let edge = try await deployment.issue("audit-edge", subject: "CN=edge-audit,OU=DataCenter-Northeast,O=Example Corp")
            let retail = try await deployment.issue("audit-retail", subject: "CN=pos-audit,OU=Retail-West,O=Example Corp")
            let handedOut = [try await deployment.credentials(edge), try await deployment.credentials(edge)]
            let refused = try await deployment.credentialProcess(retail)
            #expect(refused.exitCode == 1, "\(refused)")

            let (text, entries) = try await deployment.audit()
            #expect(!text.isEmpty && text.hasSuffix("\n"))
            for line in text.split(separator: "\n") {
                #expect(line.hasPrefix("{") && line.hasSuffix("}"), "not one JSON object per line: \(line)")
            }

            let granted = entries.filter { $0.certificate?.serialNumberHex == edge.serialHex }
            #expect(granted.count == 2)
            for (entry, credentials) in zip(granted, handedOut) {
                #expect(entry.eventName == "CreateSession")
                #expect(entry.errorCode == nil)
                #expect(entry.certificate?.serialNumberDecimal == edge.serialDecimal)
                #expect(entry.certificate?.subject == "CN=edge-audit,OU=DataCenter-Northeast,O=Example Corp")
                #expect(entry.responseElements?["assumedRoleArn"] == edge.assumedRoleArn)
                #expect(entry.responseElements?["accessKeyId"] == credentials.accessKeyId)
                #expect(entry.sourceIPAddress == "127.0.0.1")
                #expect(entry.userAgent.hasPrefix("CredHelper/"), "\(entry.userAgent)")
            }

            let denied = entries.filter { $0.certificate?.serialNumberHex == retail.serialHex }
            #expect(denied.count == 1)
            #expect(denied.first?.certificate?.serialNumberDecimal == retail.serialDecimal)
            #expect(denied.first?.errorCode == "AccessDeniedException")
            #expect(denied.first?.responseElements == nil)
            #expect(denied.first?.denialReason?.contains("Retail-West") == true, "\(denied.first?.denialReason ?? "-")")

            for credentials in handedOut {
                #expect(!text.contains(credentials.secretAccessKey), "the audit trail holds a secret access key")
                #expect(!text.contains(credentials.sessionToken), "the audit trail holds a session token")
                #expect(!text.contains(String(credentials.sessionToken.prefix(40))), "the audit trail holds part of a session token")
            }
        }

        @Test func stsCallsAreAuditedWithThePrincipal() async throws {
            let deployment = try EdgeWorkload.deployment
            let edge = try await deployment.issue("audit-sts", subject: "CN=edge-sts,OU=DataCenter-Northeast,O=Example Corp")
            let environment = try deployment.awsEnvironment(for: edge, configName: "audit-sts.config")
            let script = """
                import sys, boto3
                session = boto3.Session(profile_name="edge-workload")
                credentials = session.get_credentials().get_frozen_credentials()
                session.client("sts", endpoint_url=sys.argv[1]).get_caller_identity()
                print(credentials.secret_key)
                print(credentials.token)
                """
            let run = try await deployment.python(script, arguments: [deployment.endpoint], environment: environment)
            #expect(run.succeeded, "\(run)")
            let secrets = run.standardOutput.split(separator: "\n").map(String.init)
            try #require(secrets.count == 2 && secrets.allSatisfy { $0.count >= 40 }, "\(run)")

            let (text, entries) = try await deployment.audit()
            let calls = entries.filter { $0.eventName == "GetCallerIdentity" && $0.errorCode == nil }
            #expect(calls.contains { $0.principal == edge.assumedRoleArn && $0.userAgent.contains("Botocore") },
                    "no audited GetCallerIdentity by \(edge.assumedRoleArn)")
            for secret in secrets {
                #expect(!text.contains(secret), "the audit trail holds a secret handed to boto3")
            }
        }
    }
}
