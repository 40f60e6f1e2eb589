import Foundation
import RACore
import RAHTTP
import RAWire
import Testing
import RAUpstream

/// The issuer against a fake STS on loopback: exact requests, retries, refusals, bad answers.
@Suite struct UpstreamSTSIssuerTests {
    static let serverKeys = HMACCredentials(accessKeyID: "AKIABROKER", secretAccessKey: "broker-secret")
    let fastRetry = UpstreamRetryPolicy(maxAttempts: 3, baseDelaySeconds: 0.02, maxDelaySeconds: 0.05, deadlineSeconds: 5)

    func issuer(_ url: String, identity: UpstreamCredentialChain = UpstreamCredentialChain([.fixed(serverKeys)]),
                retry: UpstreamRetryPolicy? = nil, mapping: UpstreamRoleMapping = UpstreamRoleMapping()) -> UpstreamSTSIssuer {
        UpstreamSTSIssuer(configuration: UpstreamSTSConfiguration(
            endpoint: UpstreamEndpoint(url: url, region: "us-east-1"), identity: identity, roleMapping: mapping,
            retry: retry ?? fastRetry))
    }

    static func success(expiresIn seconds: TimeInterval = 900) -> HTTPResponse {
        HTTPResponse(status: 200, contentType: "text/xml", body: STSDocuments.assumeRole(expiration: Date().addingTimeInterval(seconds)))
    }

    static func stsError(_ status: Int, _ code: String, _ message: String) -> HTTPResponse {
        HTTPResponse(status: status, contentType: "text/xml", body: STSDocuments.error(code: code, message: message))
    }

    @Test func sendsTheGrantAsASignedAssumeRole() throws {
        let fake = try FakeUpstream { _, _ in Self.success() }
        let grant = Grants.make(tags: [Tag(key: "x509Subject/CN", value: "test"), Tag(key: "x509Subject/OU", value: "Edge Ops")],
                                sessionPolicy: #"{"Version":"2012-10-17","Statement":[]}"#,
                                managedPolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess"])
        let session = try issuer(fake.url, mapping: UpstreamRoleMapping(accountId: "123456789012")).session(for: grant)

        let request = try #require(fake.requests.first)
        #expect(fake.requests.count == 1)
        #expect(request.method == "POST")
        #expect(request.rawURI == "/")
        #expect(request.header("Content-Type") == "application/x-www-form-urlencoded; charset=utf-8")
        let authorization = try #require(request.header("Authorization"))
        #expect(authorization.hasPrefix("AWS4-HMAC-SHA256 Credential=AKIABROKER/"))
        #expect(authorization.contains("/us-east-1/sts/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature="))
        let form = try FormParameters(parsing: request.body)
        #expect(form.pairs.map { "\($0.name)=\($0.value)" } == [
            "Action=AssumeRole", "Version=2011-06-15", "RoleArn=arn:aws:iam::123456789012:role/app",
            "RoleSessionName=0a1b2c", "DurationSeconds=900", "SourceIdentity=CN=test",
            #"Policy={"Version":"2012-10-17","Statement":[]}"#, "PolicyArns.member.1.arn=arn:aws:iam::aws:policy/ReadOnlyAccess",
            "Tags.member.1.Key=x509Subject/CN", "Tags.member.1.Value=test",
            "Tags.member.2.Key=x509Subject/OU", "Tags.member.2.Value=Edge Ops",
        ])

        #expect(session.credentials.accessKeyId == "ASIAUPSTREAMEXAMPLE1")
        #expect(session.credentials.secretAccessKey == "upstream/secret+key")
        #expect(session.credentials.sessionToken == "upstream-session-token")
        #expect(session.credentials.packedPolicySize == 7)
        #expect(session.upstreamRoleArn == "arn:aws:iam::123456789012:role/app")
        #expect(session.assumedRoleArn == "arn:aws:sts::123456789012:assumed-role/app/sess")
        #expect(session.requestId == "c6104cbe-af31-11e0-8154-cbc7ccf896c7")
        #expect(session.attempts == 1)
        #expect(session.notes.isEmpty)
    }

    @Test func notesWhatWasAdjustedToFitSTS() throws {
        let fake = try FakeUpstream { _, _ in Self.success(expiresIn: 3600) }
        let tags = (1...52).map { Tag(key: "k\($0)", value: "v") }
        let grant = Grants.make(durationSeconds: 7200, sourceIdentity: "CN=Edge Device", tags: tags)
        let session = try issuer(fake.url).session(for: grant)
        let form = try FormParameters(parsing: try #require(fake.requests.first).body)
        #expect(form.values("Tags.member.50.Key") == ["k50"])
        #expect(form["Tags.member.51.Key"] == nil)
        #expect(form["SourceIdentity"] == "CN=Edge_Device")
        #expect(session.sourceIdentity == "CN=Edge_Device")
        #expect(session.notes == [
            "2 session tag(s) beyond STS's limit of 50 not sent upstream: \"k51\", \"k52\"",
            "source identity \"CN=Edge Device\" sent upstream as \"CN=Edge_Device\" (STS allows 2-64 characters of [A-Za-z0-9_+=,.@-])",
            "the upstream granted about 3600 s instead of the requested 7200 s",
        ])
    }

    @Test func throttlingIsRetriedUntilSuccess() throws {
        let fake = try FakeUpstream { _, index in
            index < 2 ? Self.stsError(400, "Throttling", "Rate exceeded") : Self.success()
        }
        let session = try issuer(fake.url).session(for: Grants.make())
        #expect(fake.requests.count == 3)
        #expect(session.attempts == 3)
        #expect(session.credentials.accessKeyId == "ASIAUPSTREAMEXAMPLE1")
        #expect(fake.requests.allSatisfy { $0.header("Authorization") != nil })
    }

    @Test func persistentThrottlingBecomesAThrottlingFailure() throws {
        let fake = try FakeUpstream { _, _ in Self.stsError(400, "Throttling", "Rate exceeded") }
        #expect(throws: ServiceFailure(.throttling, "The upstream STS is throttling requests (Throttling); retry later.",
                                       reason: "upstream STS AssumeRole failed: Throttling: Rate exceeded "
                                           + "(HTTP 400, request 4f0a2c51-0000-4000-8000-000000000001, 3 attempts)")) {
            try issuer(fake.url).issue(Grants.make())
        }
        #expect(fake.requests.count == 3)
    }

    @Test func denialIsNotRetriedAndCarriesTheUpstreamCode() throws {
        let message = "User: arn:aws:iam::123456789012:user/broker is not authorized to perform: sts:AssumeRole on resource: "
            + "arn:aws:iam::123456789012:role/app"
        let fake = try FakeUpstream { _, _ in Self.stsError(403, "AccessDenied", message) }
        #expect(throws: ServiceFailure(.accessDenied, "The upstream STS denied the request for credentials (AccessDenied).",
                                       reason: "upstream STS AssumeRole failed: AccessDenied: \(message) "
                                           + "(HTTP 403, request 4f0a2c51-0000-4000-8000-000000000001, 1 attempt)")) {
            try issuer(fake.url).issue(Grants.make())
        }
        #expect(fake.requests.count == 1)
    }

    @Test func serverErrorsAreRetriedWithinBounds() throws {
        let fake = try FakeUpstream { _, _ in HTTPResponse(status: 503, contentType: "text/html", body: "<html>busy</html>") }
        #expect(throws: ServiceFailure(.internalFailure, "The upstream STS is unavailable; unable to obtain credentials.",
                                       reason: "upstream STS AssumeRole failed: HTTP 503 without an error document "
                                           + "(HTTP 503, 3 attempts)")) {
            try issuer(fake.url).issue(Grants.make())
        }
        #expect(fake.requests.count == 3)
    }

    @Test func connectionRefusedIsRetriedThenReported() throws {
        let port = try FakeUpstream.closedPort()
        let started = Date()
        do {
            _ = try issuer("http://127.0.0.1:\(port)").issue(Grants.make())
            Issue.record("expected a failure")
        } catch {
            #expect(error.code == .internalFailure)
            #expect(error.message == "The upstream STS is unreachable; unable to obtain credentials.")
            #expect(error.reason.hasPrefix("upstream STS AssumeRole failed: "))
            #expect(error.reason.hasSuffix("(3 attempts)"))
            #expect(error.reason.lowercased().contains("connect"))
        }
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test func theDeadlineCutsRetriesShort() throws {
        let port = try FakeUpstream.closedPort()
        let retry = UpstreamRetryPolicy(maxAttempts: 5, baseDelaySeconds: 2, maxDelaySeconds: 2, deadlineSeconds: 0.5)
        do {
            _ = try issuer("http://127.0.0.1:\(port)", retry: retry).issue(Grants.make())
            Issue.record("expected a failure")
        } catch {
            #expect(error.reason.hasSuffix("; retry deadline of 0.5 s reached (1 attempt)"))
        }
    }

    @Test(arguments: [
        (Set(["SessionToken"]), 900.0, "the credentials lack SessionToken"),
        (Set<String>(), -30.0, "the credentials expire at "),
        (Set<String>(), 30.0, "the credentials expire at "),
    ])
    func credentialsThatCannotWorkAreNeverReturned(omitted: Set<String>, expiresIn: TimeInterval, detail: String) throws {
        let fake = try FakeUpstream { _, _ in
            HTTPResponse(status: 200, contentType: "text/xml",
                         body: STSDocuments.assumeRole(expiration: Date().addingTimeInterval(expiresIn), omit: omitted))
        }
        do {
            _ = try issuer(fake.url).issue(Grants.make())
            Issue.record("expected a failure")
        } catch {
            #expect(error.code == .internalFailure)
            #expect(error.message == "Unable to obtain credentials from the upstream STS.")
            #expect(error.reason.hasPrefix("upstream STS AssumeRole failed: " + detail))
        }
        #expect(fake.requests.count == 1)
    }

    @Test func nonXMLSuccessIsMalformed() throws {
        let fake = try FakeUpstream { _, _ in HTTPResponse(status: 200, contentType: "text/html", body: "<html><body>proxy login") }
        do {
            _ = try issuer(fake.url).issue(Grants.make())
            Issue.record("expected a failure")
        } catch {
            #expect(error.reason.hasPrefix("upstream STS AssumeRole failed: the response is not XML: malformed XML at byte "))
        }
    }

    @Test func expiredServerCredentialsAreRefreshedOnce() throws {
        let fake = try FakeUpstream { _, index in
            index == 0 ? Self.stsError(403, "ExpiredToken", "The security token included in the request is expired") : Self.success()
        }
        let environment = ["AWS_ACCESS_KEY_ID": "ASIASERVER", "AWS_SECRET_ACCESS_KEY": "s", "AWS_SESSION_TOKEN": "t",
                           "AWS_CREDENTIAL_EXPIRATION": RFC3339.format(Date().addingTimeInterval(3600))]
        let chain = UpstreamCredentialChain([.environment(EnvironmentCredentialSource(environment: environment))])
        let session = try issuer(fake.url, identity: chain).session(for: Grants.make())
        #expect(fake.requests.count == 2)
        #expect(fake.requests.allSatisfy { $0.header("X-Amz-Security-Token") == "t" })
        #expect(session.notes == ["the upstream refused the server's credentials from environment (ExpiredToken); "
            + "they were refreshed and the call repeated"])
    }

    @Test func longTermServerKeysRefusedAreNotRetried() throws {
        let fake = try FakeUpstream { _, _ in Self.stsError(403, "InvalidClientTokenId", "The security token included in the request is invalid.") }
        #expect(throws: ServiceFailure(.internalFailure, "The server could not authenticate to the upstream STS (InvalidClientTokenId).",
                                       reason: "upstream STS AssumeRole failed: InvalidClientTokenId: The security token included "
                                           + "in the request is invalid. (HTTP 403, request 4f0a2c51-0000-4000-8000-000000000001, 1 attempt)")) {
            try issuer(fake.url).issue(Grants.make())
        }
        #expect(fake.requests.count == 1)
    }

    @Test func missingServerIdentityIsAnInternalFailure() throws {
        let fake = try FakeUpstream { _, _ in Self.success() }
        let chain = UpstreamCredentialChain([.environment(EnvironmentCredentialSource(environment: [:]))])
        #expect(throws: ServiceFailure(.internalFailure, "Unable to obtain credentials from the upstream STS.",
                                       reason: "the server's upstream identity is unavailable: credential chain: no source has "
                                           + "credentials: environment: AWS_ACCESS_KEY_ID is not set")) {
            try issuer(fake.url, identity: chain).issue(Grants.make())
        }
        #expect(fake.requests.isEmpty)
    }

    @Test func badEndpointIsReportedNotSent() throws {
        do {
            _ = try issuer("sts.example.com").issue(Grants.make())
            Issue.record("expected a failure")
        } catch {
            #expect(error.reason == "upstream STS AssumeRole failed: endpoint \"sts.example.com\" is not an absolute http(s) URL (1 attempt)")
        }
    }

    @Test func routesRolesToTheirIssuer() throws {
        let fake = try FakeUpstream { _, _ in Self.success() }
        struct Local: CredentialIssuer {
            func issue(_ grant: SessionGrant) throws(ServiceFailure) -> IssuedCredentials {
                IssuedCredentials(accessKeyId: "ASIALOCAL", secretAccessKey: "l", sessionToken: "t", expiration: grant.expiration,
                                  packedPolicySize: 0)
            }
        }
        let routed = RoleRoutedIssuer(fallback: Local(), routes: ["arn:aws:iam::111122223333:role/brokered": issuer(fake.url)])
        #expect(try routed.issue(Grants.make(roleArn: "arn:aws:iam::111122223333:role/brokered")).accessKeyId == "ASIAUPSTREAMEXAMPLE1")
        #expect(try routed.issue(Grants.make(roleArn: "arn:aws:iam::111122223333:role/other")).accessKeyId == "ASIALOCAL")
    }
}
