import Foundation

/// Mints credentials itself: a fresh access key id and secret, with the session sealed into the
/// token so that the STS endpoint (on any replica holding the key) can honour them statelessly.
public struct LocalCredentialIssuer: CredentialIssuer {
    private let codec: SessionTokenCodec

    public init(codec: SessionTokenCodec) { self.codec = codec }

    public func issue(_ grant: SessionGrant) throws(ServiceFailure) -> IssuedCredentials {
        let accessKeyId = Identifiers.base32(prefix: "ASIA", count: 16)
        let secret = Identifiers.secretAccessKey()
        let claims = SessionClaims(
            accessKeyId: accessKeyId, secretAccessKey: secret, accountId: grant.accountId, roleArn: grant.role.arn,
            roleId: grant.role.roleId, roleName: grant.role.roleName, sessionName: grant.sessionName,
            sourceIdentity: grant.sourceIdentity, tags: grant.tags, sourceArn: grant.sourceArn,
            issuedAt: grant.issuedAt, expiresAt: grant.expiration)
        let token: String
        do { token = try codec.seal(claims) } catch {
            throw ServiceFailure(.internalFailure, "Unable to issue credentials.", reason: "sealing the session token failed: \(error)")
        }
        return IssuedCredentials(accessKeyId: accessKeyId, secretAccessKey: secret, sessionToken: token,
                                 expiration: grant.expiration, packedPolicySize: Self.packedPolicySize(grant))
    }

    /// Percentage of STS's packed budget used by session policy and tags (an estimate: STS's
    /// packing is not public; we count bytes against its 2,048-byte plain-text policy limit).
    static func packedPolicySize(_ grant: SessionGrant) -> Int {
        let tagBytes = grant.tags.reduce(0) { $0 + $1.key.utf8.count + $1.value.utf8.count }
        let policyBytes = grant.sessionPolicy?.utf8.count ?? 0
        return min(100, (tagBytes + policyBytes) * 100 / 2048)
    }
}
