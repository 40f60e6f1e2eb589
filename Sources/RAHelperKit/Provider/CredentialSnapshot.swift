import Foundation

/// Credentials together with the two times a server of them needs: when they stop working and
/// when they were obtained (the IMDS document's `LastUpdated`).
public struct CredentialSnapshot: Sendable, Equatable, CustomStringConvertible {
    public var credentials: Credentials
    /// `credentials.expiration` parsed; the provider refuses credentials whose text does not parse.
    public var expiration: Date
    public var obtainedAt: Date

    public init(credentials: Credentials, expiration: Date, obtainedAt: Date) {
        self.credentials = credentials
        self.expiration = expiration
        self.obtainedAt = obtainedAt
    }

    /// Never shows the secret or the session token.
    public var description: String {
        "CredentialSnapshot(accessKeyId: \(credentials.accessKeyId), expiration: \(credentials.expiration))"
    }
}
