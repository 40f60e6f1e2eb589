import Foundation
import RACore
import RAHTTP
import RAWire
import Testing
import RAUpstream

@Suite struct WebIdentitySourceTests {
    let retry = UpstreamRetryPolicy(maxAttempts: 2, baseDelaySeconds: 0.01, maxDelaySeconds: 0.02, deadlineSeconds: 3)

    @Test func exchangesTheTokenUnsigned() throws {
        let fake = try FakeUpstream { _, _ in
            HTTPResponse(status: 200, contentType: "text/xml", body: STSDocuments.assumeRole(
                accessKeyId: "ASIAWEBIDENTITY", expiration: Date().addingTimeInterval(3600), action: "AssumeRoleWithWebIdentity"))
        }
        let source = WebIdentitySource(roleArn: "arn:aws:iam::123456789012:role/broker", sessionName: "rolesanywhere-1",
                                       durationSeconds: 3600, endpoint: UpstreamEndpoint(url: fake.url, region: "us-east-1"),
                                       retry: retry, token: { "eyJhbGciOiJFUzI1NiJ9.claims.signature" })
        let resolution = try source.resolve(clock: SystemClock())
        guard case .found(let credentials) = resolution else { Issue.record("expected credentials"); return }
        #expect(credentials.keys.accessKeyID == "ASIAWEBIDENTITY")
        #expect(credentials.keys.sessionToken == "upstream-session-token")
        #expect(credentials.source == "web identity arn:aws:iam::123456789012:role/broker")

        let request = try #require(fake.requests.first)
        #expect(request.header("Authorization") == nil)
        #expect(request.header("X-Amz-Date") == nil)
        let form = try FormParameters(parsing: request.body)
        #expect(form.pairs.map { "\($0.name)=\($0.value)" } == [
            "Action=AssumeRoleWithWebIdentity", "Version=2011-06-15", "RoleArn=arn:aws:iam::123456789012:role/broker",
            "RoleSessionName=rolesanywhere-1", "WebIdentityToken=eyJhbGciOiJFUzI1NiJ9.claims.signature", "DurationSeconds=3600",
        ])
    }

    @Test func refusalsNameTheUpstreamCodeButNotTheToken() throws {
        let fake = try FakeUpstream { _, _ in
            HTTPResponse(status: 400, contentType: "text/xml",
                         body: STSDocuments.error(code: "InvalidIdentityToken", message: "No OpenIDConnect provider found in your account"))
        }
        let source = WebIdentitySource(roleArn: "arn:aws:iam::1:role/broker", endpoint: UpstreamEndpoint(url: fake.url, region: "us-east-1"),
                                       retry: retry, token: { "secret.jwt.value" })
        do {
            _ = try source.resolve(clock: SystemClock())
            Issue.record("expected a failure")
        } catch {
            #expect(error == UpstreamCredentialError(source: "web identity arn:aws:iam::1:role/broker",
                                                     message: "upstream STS AssumeRoleWithWebIdentity failed: InvalidIdentityToken: No "
                                                        + "OpenIDConnect provider found in your account (HTTP 400, request "
                                                        + "4f0a2c51-0000-4000-8000-000000000001, 1 attempt)"))
            #expect(!error.description.contains("secret.jwt.value"))
        }
    }

    @Test func tokenFailuresAreReported() throws {
        struct Unavailable: Error, CustomStringConvertible { var description: String { "signing key not loaded" } }
        let source = WebIdentitySource(roleArn: "arn:aws:iam::1:role/broker", endpoint: UpstreamEndpoint(url: "http://127.0.0.1:9", region: "us-east-1"),
                                       token: { throw Unavailable() })
        #expect(throws: UpstreamCredentialError(source: "web identity arn:aws:iam::1:role/broker",
                                                message: "the web identity token could not be obtained: signing key not loaded")) {
            try source.resolve(clock: SystemClock())
        }
    }

    @Test func tokenFileIsReadEachTime() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("token", "first.jwt.token\n")
        let read = WebIdentitySource.tokenFile(path)
        #expect(try read() == "first.jwt.token")
        try dir.write("token", "second.jwt.token")
        #expect(try read() == "second.jwt.token")
        #expect(throws: UpstreamCredentialError(source: "web identity", message: "cannot read the token file \(dir.path)/absent")) {
            try WebIdentitySource.tokenFile(dir.path + "/absent")()
        }
    }
}
