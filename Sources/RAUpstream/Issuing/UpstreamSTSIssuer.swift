import Foundation
import RACore

/// Issues credentials by assuming a role on an upstream STS, after the server's own checks.
///
/// The grant has already passed certificate, chain, revocation, profile and trust-policy checks;
/// this turns it into `AssumeRole` (role mapped, tags and source identity fitted to STS's
/// limits, the profile's session policies attached), signed with the server's own upstream
/// identity, and returns the upstream's credentials, which work against the real services.
/// Failures become ``ServiceFailure``s whose reason carries the upstream's code and message.
public struct UpstreamSTSIssuer: CredentialIssuer {
    public let configuration: UpstreamSTSConfiguration
    /// Shared by copies of this issuer, so the server's identity is resolved once.
    public let identity: UpstreamIdentity
    private let clock: any Clock

    /// An issuer with its own identity cache built from `configuration.identity`.
    public init(configuration: UpstreamSTSConfiguration, clock: any Clock = SystemClock()) {
        self.init(configuration: configuration, identity: UpstreamIdentity(chain: configuration.identity, clock: clock),
                  clock: clock)
    }

    /// An issuer sharing `identity` (for example with other issuers for other endpoints' roles).
    public init(configuration: UpstreamSTSConfiguration, identity: UpstreamIdentity, clock: any Clock = SystemClock()) {
        self.configuration = configuration
        self.identity = identity
        self.clock = clock
    }

    public func issue(_ grant: SessionGrant) throws(ServiceFailure) -> IssuedCredentials {
        try session(for: grant).credentials
    }

    /// The `AssumeRole` request for `grant`, and notes on what had to change to fit STS.
    public func plan(for grant: SessionGrant) -> (request: AssumeRoleRequest, notes: [String]) {
        var notes: [String] = []
        let upstreamRoleArn = configuration.roleMapping.upstreamRoleArn(for: grant.role.arn)
        var tags: [Tag] = []
        if configuration.sendsSessionTags {
            let fitted = SessionTagLimits.fit(grant.tags)
            tags = fitted.tags
            notes += fitted.notes
        } else if !grant.tags.isEmpty {
            notes.append("\(grant.tags.count) session tag(s) not sent upstream: session tags are disabled for this upstream")
        }
        var sourceIdentity: String?
        if configuration.sendsSourceIdentity {
            let fitted = SessionTagLimits.fitSourceIdentity(grant.sourceIdentity)
            sourceIdentity = fitted.sourceIdentity
            if let note = fitted.note { notes.append(note) }
        } else if !grant.sourceIdentity.isEmpty {
            notes.append("source identity not sent upstream: disabled for this upstream")
        }
        let policy = grant.sessionPolicy.flatMap { $0.isEmpty ? nil : $0 }
        let request = AssumeRoleRequest(roleArn: upstreamRoleArn, roleSessionName: grant.sessionName,
                                        durationSeconds: grant.durationSeconds, sourceIdentity: sourceIdentity, tags: tags,
                                        policy: policy, policyArns: grant.managedPolicyArns)
        return (request, notes)
    }

    /// Assumes the upstream role for `grant`, returning the credentials with what the audit needs.
    /// - Throws: a ``ServiceFailure`` with an AWS-shaped code; its reason names the upstream's
    ///   error code and message, the attempts made and the notes.
    public func session(for grant: SessionGrant) throws(ServiceFailure) -> UpstreamSession {
        var (request, notes) = plan(for: grant)
        let client = QueryProtocolClient.sts(configuration.endpoint, retry: configuration.retry, clock: clock)
        var server = try serverCredentials(notes: notes)
        var outcome = assumeRole(client, request, server)
        if case .failure(let error) = outcome, error.refusedServerIdentity, server.expiration != nil {
            // Temporary server credentials can be revoked or expire early; one fresh try.
            notes.append("the upstream refused the server's credentials from \(server.source) "
                + "(\(error.upstreamCode ?? "")); they were refreshed and the call repeated")
            identity.invalidate()
            server = try serverCredentials(notes: notes)
            outcome = assumeRole(client, request, server)
        }
        let assumed: AssumedRoleCredentials
        switch outcome {
        case .success(let value): assumed = value
        case .failure(let error): throw error.serviceFailure(notes: notes)
        }
        // To the nearest 10 s: the upstream writes whole seconds and the call itself takes time.
        let granted = Int((assumed.expiration.timeIntervalSince(clock.now()) / 10).rounded()) * 10
        if granted < grant.durationSeconds - 60 {
            notes.append("the upstream granted about \(granted) s instead of the requested \(grant.durationSeconds) s")
        }
        let credentials = IssuedCredentials(accessKeyId: assumed.keys.accessKeyID, secretAccessKey: assumed.keys.secretAccessKey,
                                            sessionToken: assumed.keys.sessionToken ?? "", expiration: assumed.expiration,
                                            packedPolicySize: assumed.packedPolicySize ?? 0)
        return UpstreamSession(credentials: credentials, upstreamRoleArn: request.roleArn, assumedRoleArn: assumed.assumedRoleArn,
                               assumedRoleId: assumed.assumedRoleId, sourceIdentity: request.sourceIdentity, notes: notes,
                               requestId: assumed.requestId, attempts: assumed.attempts)
    }

    private func assumeRole(_ client: QueryProtocolClient, _ request: AssumeRoleRequest,
                            _ server: UpstreamCredentials) -> Result<AssumedRoleCredentials, UpstreamCallError> {
        Result { () throws(UpstreamCallError) -> AssumedRoleCredentials in
            try client.assumeRole(request, credentials: server.keys, minimumValidity: configuration.minimumValiditySeconds)
        }
    }

    private func serverCredentials(notes: [String]) throws(ServiceFailure) -> UpstreamCredentials {
        do {
            return try identity.credentials()
        } catch {
            throw ServiceFailure(.internalFailure, "Unable to obtain credentials from the upstream STS.",
                                 reason: "the server's upstream identity is unavailable: \(error)"
                                    + (notes.isEmpty ? "" : "; " + notes.joined(separator: "; ")))
        }
    }
}
