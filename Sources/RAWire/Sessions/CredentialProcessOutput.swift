/// What `credential-process` prints for the SDKs (spec §7.1).
///
/// Byte-exact with the official helper's `json.Marshal` output: members in the order
/// Version, AccessKeyId, SecretAccessKey, SessionToken, Expiration; `<`, `>`, `&` escaped as
/// `\u003c`, `\u003e`, `\u0026`; no trailing newline. `description` redacts the secrets.
public struct CredentialProcessOutput: Sendable, Hashable, CustomStringConvertible {
    /// Always 1; SDKs reject anything else.
    public var version: Int
    public var accessKeyId: String
    public var secretAccessKey: String
    public var sessionToken: String
    /// Passed through verbatim from the CreateSession response.
    public var expiration: String

    public init(version: Int = 1, accessKeyId: String, secretAccessKey: String, sessionToken: String,
                expiration: String) {
        self.version = version
        self.accessKeyId = accessKeyId
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
        self.expiration = expiration
    }

    /// The output for credentials returned by CreateSession.
    public init(credentials: SessionCredentials) {
        self.init(accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey,
                  sessionToken: credentials.sessionToken, expiration: credentials.expiration)
    }

    /// The exact text to print.
    public func encoded() -> String {
        JSONValue.object([("Version", .integer(version)), ("AccessKeyId", .string(accessKeyId)),
                          ("SecretAccessKey", .string(secretAccessKey)), ("SessionToken", .string(sessionToken)),
                          ("Expiration", .string(expiration))]).serialized(escapingHTML: true)
    }

    public var description: String {
        "CredentialProcessOutput(version: \(version), accessKeyId: \(accessKeyId), secretAccessKey: <redacted>, "
            + "sessionToken: <redacted>, expiration: \(expiration))"
    }
}
