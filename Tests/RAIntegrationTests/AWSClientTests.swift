import Foundation
import Testing

extension EdgeWorkload {
    /// The unchanged AWS CLI and boto3, with a config profile whose credential_process is the helper.
    @Suite struct AWSClientTests {
        @Test func awsCLIGetCallerIdentityWithTheHelperProfile() async throws {
            let deployment = try EdgeWorkload.deployment
            let edge = try await deployment.issue("cli-edge", subject: "CN=edge-cli,OU=DataCenter-Northeast,O=Example Corp")
            let environment = try deployment.awsEnvironment(for: edge, configName: "aws-cli.config")
            let run = try await Run.run(deployment.environment.aws,
                                        ["sts", "get-caller-identity", "--endpoint-url", deployment.endpoint,
                                         "--profile", "edge-workload", "--output", "json"],
                                        environment: environment, timeout: .seconds(90))
            #expect(run.succeeded, "\(run)")
            struct Identity: Decodable { let UserId: String; let Account: String; let Arn: String }
            let identity = try JSONDecoder().decode(Identity.self, from: Data(run.standardOutput.utf8))
            #expect(identity.Arn == edge.assumedRoleArn)
            #expect(identity.Account == EdgeDeployment.accountId)
            #expect(identity.UserId.hasPrefix("AROA") && identity.UserId.hasSuffix(":" + edge.serialHex), "\(identity.UserId)")
        }

        @Test func awsCLIPrintsTheArnAsText() async throws {
            let deployment = try EdgeWorkload.deployment
            let edge = try await deployment.issue("cli-text", subject: "CN=edge-cli-2,OU=DataCenter-Northeast,O=Example Corp")
            let environment = try deployment.awsEnvironment(for: edge, configName: "aws-cli-text.config")
            let run = try await Run.run(deployment.environment.aws,
                                        ["sts", "get-caller-identity", "--endpoint-url", deployment.endpoint,
                                         "--profile", "edge-workload", "--query", "Arn", "--output", "text"],
                                        environment: environment, timeout: .seconds(90))
            #expect(run.succeeded, "\(run)")
            #expect(run.standardOutput == edge.assumedRoleArn + "\n")
        }

        @Test func boto3SessionWithTheHelperProfile() async throws {
            let deployment = try EdgeWorkload.deployment
            let edge = try await deployment.issue("boto3-edge", subject: "CN=edge-boto3,OU=DataCenter-Northeast,O=Example Corp")
            let environment = try deployment.awsEnvironment(for: edge, configName: "boto3.config")
            let script = """
                import sys, boto3
                session = boto3.Session(profile_name="edge-workload")
                identity = session.client("sts", endpoint_url=sys.argv[1]).get_caller_identity()
                credentials = session.get_credentials().get_frozen_credentials()
                print(identity["Arn"])
                print(identity["Account"])
                print(credentials.access_key[:4])
                """
            let run = try await deployment.python(script, arguments: [deployment.endpoint], environment: environment)
            #expect(run.succeeded, "\(run)")
            #expect(run.standardOutput == "\(edge.assumedRoleArn)\n\(EdgeDeployment.accountId)\nASIA\n", "\(run)")
        }
    }
}
