import Foundation
import RAWire

/// The server's own credentials for talking to the upstream, and where they came from.
///
/// `description` redacts the secret and token (``HMACCredentials`` does), so the value can be
/// logged and named in the audit trail when the upstream refuses it.
public struct UpstreamCredentials: Sendable, Equatable, CustomStringConvertible {
    public var keys: HMACCredentials
    /// Nil for long-term keys, which never need refreshing.
    public var expiration: Date?
    /// Human-readable origin, e.g. `environment`, `profile ops in /etc/aws/credentials`,
    /// `IMDS role web-server`, `web identity arn:aws:iam::…:role/broker`.
    public var source: String

    public init(keys: HMACCredentials, expiration: Date?, source: String) {
        self.keys = keys
        self.expiration = expiration
        self.source = source
    }

    public var description: String {
        "UpstreamCredentials(\(keys), expiration: \(expiration.map(RFC3339.format) ?? "never"), source: \(source))"
    }
}
