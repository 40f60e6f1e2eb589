import Foundation
import RACore
import RAWire
import Testing
import RAUpstream

@Suite struct InstanceMetadataSourceTests {
    let now = Date(timeIntervalSince1970: 1_900_000_000)
    let fastRetry = UpstreamRetryPolicy(maxAttempts: 2, baseDelaySeconds: 0.01, maxDelaySeconds: 0.02, deadlineSeconds: 3)

    @Test func fetchesTokenRoleAndCredentials() throws {
        let imds = try FakeIMDS(expiration: now.addingTimeInterval(6 * 3600))
        let source = InstanceMetadataSource(endpoint: imds.url + "/", retry: fastRetry)
        let resolution = try source.resolve(now: now)
        #expect(resolution == .found(UpstreamCredentials(
            keys: HMACCredentials(accessKeyID: "ASIAIMDS0001", secretAccessKey: "imds-secret", sessionToken: "imds-token"),
            expiration: now.addingTimeInterval(6 * 3600), source: "IMDS role web-server")))
        let requests = imds.upstream.requests
        #expect(requests.map { "\($0.method) \($0.rawURI)" } == [
            "PUT /latest/api/token", "GET /latest/meta-data/iam/security-credentials/",
            "GET /latest/meta-data/iam/security-credentials/web-server",
        ])
        #expect(requests.dropFirst().allSatisfy { $0.header("X-aws-ec2-metadata-token") == FakeIMDS.token })
    }

    @Test func noRoleAttachedIsExplained() throws {
        let imds = try FakeIMDS(expiration: now.addingTimeInterval(3600))
        imds.update { $0.role = nil }
        let source = InstanceMetadataSource(endpoint: imds.url, retry: fastRetry)
        #expect(throws: UpstreamCredentialError(source: "IMDS", message: "upstream IMDS role name failed: not found "
            + "(is an IAM role attached to the instance?) (HTTP 404, 1 attempt)")) {
            try source.resolve(now: now)
        }
    }

    @Test func expiredCredentialsAreRefused() throws {
        let imds = try FakeIMDS(expiration: now.addingTimeInterval(-1))
        let source = InstanceMetadataSource(endpoint: imds.url, retry: fastRetry)
        #expect(throws: UpstreamCredentialError(source: "IMDS role web-server",
                                                message: "the credentials expired at \(RFC3339.format(now.addingTimeInterval(-1)))")) {
            try source.resolve(now: now)
        }
    }

    @Test func serverErrorsAreRetriedThenReported() throws {
        let imds = try FakeIMDS(expiration: now.addingTimeInterval(3600))
        imds.update { $0.failCredentials = true }
        let source = InstanceMetadataSource(endpoint: imds.url, retry: fastRetry)
        #expect(throws: UpstreamCredentialError(source: "IMDS", message: "upstream IMDS credentials of role web-server failed: "
            + "IMDS answered HTTP 500 (HTTP 500, 2 attempts)")) {
            try source.resolve(now: now)
        }
        #expect(imds.credentialFetches == 2)
    }

    @Test func nothingListeningFailsFast() throws {
        let port = try FakeUpstream.closedPort()
        let source = InstanceMetadataSource(endpoint: "http://127.0.0.1:\(port)", retry: fastRetry)
        let started = Date()
        do {
            _ = try source.resolve(now: now)
            Issue.record("expected a failure")
        } catch {
            #expect(error.source == "IMDS")
            #expect(error.message.hasPrefix("upstream IMDS session token failed: "))
            #expect(error.message.hasSuffix("(2 attempts)"))
        }
        #expect(Date().timeIntervalSince(started) < 3)
    }
}
