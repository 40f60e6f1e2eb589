import Foundation
import RACore
import RAWire
import Testing
import RAUpstream

/// The issuer and the web identity source against moto's STS and IAM with authentication on:
/// the credentials must be real (moto verifies their signatures) and denials must be moto's own.
@Suite struct MotoUpstreamTests {
    static let motoAccount = "123456789012"

    func sts(_ moto: MotoServer) -> QueryProtocolClient {
        .sts(UpstreamEndpoint(url: moto.url, region: "us-east-1"), retry: .never)
    }

    func issuer(_ moto: MotoServer, identity: UpstreamCredentialChain) -> UpstreamSTSIssuer {
        UpstreamSTSIssuer(configuration: UpstreamSTSConfiguration(
            endpoint: UpstreamEndpoint(url: moto.url, region: "us-east-1"), identity: identity,
            roleMapping: UpstreamRoleMapping(accountId: Self.motoAccount),
            retry: UpstreamRetryPolicy(maxAttempts: 2, baseDelaySeconds: 0.05, deadlineSeconds: 10)))
    }

    func callerArn(_ moto: MotoServer, _ keys: HMACCredentials) throws(UpstreamCallError) -> String {
        let response = try sts(moto).call("GetCallerIdentity", parameters: [], credentials: keys)
        return response.result(of: "GetCallerIdentity")?.child("Arn")?.value ?? ""
    }

    @Test func assumedCredentialsWorkAgainstMoto() throws {
        let moto = try MotoServer(unauthenticatedActions: 4)
        defer { moto.stop() }
        let setup = MotoIAM(moto)
        try setup.createRole("app")
        let broker = try setup.createUserWithKey("broker")   // two actions
        try setup.putUserPolicy("broker", MotoIAM.assumeAnyRolePolicy)
        // Authentication is on from here.
        #expect(try callerArn(moto, broker) == "arn:aws:iam::\(Self.motoAccount):user/broker")

        let grant = Grants.make(roleArn: "arn:aws:iam::111122223333:role/app", durationSeconds: 900, sourceIdentity: "CN=edge-1",
                                tags: [Tag(key: "x509Subject/CN", value: "edge-1"), Tag(key: "x509Subject/OU", value: "Edge")],
                                sessionPolicy: #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}"#,
                                managedPolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess"])
        let session = try issuer(moto, identity: UpstreamCredentialChain([.fixed(broker)])).session(for: grant)
        #expect(session.upstreamRoleArn == "arn:aws:iam::\(Self.motoAccount):role/app")
        #expect(session.assumedRoleArn == "arn:aws:sts::\(Self.motoAccount):assumed-role/app/0a1b2c")
        #expect(session.notes.isEmpty)
        #expect(abs(session.credentials.expiration.timeIntervalSinceNow - 900) < 60)
        #expect(session.credentials.packedPolicySize > 0)

        let issued = HMACCredentials(accessKeyID: session.credentials.accessKeyId, secretAccessKey: session.credentials.secretAccessKey,
                                     sessionToken: session.credentials.sessionToken)
        #expect(try callerArn(moto, issued) == "arn:aws:sts::\(Self.motoAccount):assumed-role/app/0a1b2c")

        // moto really checks: the same key with a wrong secret is refused.
        var forged = issued
        forged.secretAccessKey = "not-the-secret"
        do throws(UpstreamCallError) {
            _ = try callerArn(moto, forged)
            Issue.record("moto accepted a forged signature")
        } catch {
            #expect(error.upstreamCode == "SignatureDoesNotMatch")
        }
    }

    @Test func motoDenialBecomesAnAccessDeniedFailure() throws {
        let moto = try MotoServer(unauthenticatedActions: 3)
        defer { moto.stop() }
        let setup = MotoIAM(moto)
        try setup.createRole("app")
        let nobody = try setup.createUserWithKey("nobody")
        do {
            _ = try issuer(moto, identity: UpstreamCredentialChain([.fixed(nobody)])).issue(Grants.make())
            Issue.record("expected a denial")
        } catch {
            #expect(error.code == .accessDenied)
            #expect(error.message == "The upstream STS denied the request for credentials (AccessDenied).")
            #expect(error.reason.hasPrefix("upstream STS AssumeRole failed: AccessDenied: User: "
                + "arn:aws:iam::\(Self.motoAccount):user/nobody is not authorized to perform: sts:AssumeRole"))
            #expect(error.reason.hasSuffix("1 attempt)"))
        }
    }

    @Test func brokerWithoutAnyKeyUsesWebIdentity() throws {
        let moto = try MotoServer(unauthenticatedActions: 4)
        defer { moto.stop() }
        let setup = MotoIAM(moto)
        let brokerRole = try setup.createRole("broker")
        try setup.putRolePolicy("broker", MotoIAM.assumeAnyRolePolicy)
        try setup.createRole("app")
        // The fourth action is the unsigned AssumeRoleWithWebIdentity below; everything after it is authenticated.
        let webIdentity = WebIdentitySource(roleArn: brokerRole, sessionName: "rolesanywhere-server",
                                            endpoint: UpstreamEndpoint(url: moto.url, region: "us-east-1"),
                                            retry: .never, token: { "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ0ZXN0In0.c2ln" })
        let issuer = issuer(moto, identity: UpstreamCredentialChain([.webIdentity(webIdentity)]))
        let session = try issuer.session(for: Grants.make(roleArn: "arn:aws:iam::111122223333:role/app", sessionName: "web-session"))
        #expect(issuer.identity.cached?.source == "web identity \(brokerRole)")
        let brokerKeys = try #require(issuer.identity.cached?.keys)
        #expect(try callerArn(moto, brokerKeys) == "arn:aws:sts::\(Self.motoAccount):assumed-role/broker/rolesanywhere-server")
        let issued = HMACCredentials(accessKeyID: session.credentials.accessKeyId, secretAccessKey: session.credentials.secretAccessKey,
                                     sessionToken: session.credentials.sessionToken)
        #expect(try callerArn(moto, issued) == "arn:aws:sts::\(Self.motoAccount):assumed-role/app/web-session")
    }
}
