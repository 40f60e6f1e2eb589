/// `credentialSet[].credentials`: the temporary keys CreateSession hands out.
///
/// `description` redacts the secret and token so the value can be logged.
public struct SessionCredentials: Sendable, Hashable, Codable, CustomStringConvertible {
    public var accessKeyId: String
    /// RFC 3339 text, passed through verbatim into `credential_process` output.
    public var expiration: String
    public var secretAccessKey: String
    public var sessionToken: String

    public init(accessKeyId: String, expiration: String, secretAccessKey: String, sessionToken: String) {
        self.accessKeyId = accessKeyId
        self.expiration = expiration
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
    }

    public var description: String {
        "SessionCredentials(accessKeyId: \(accessKeyId), expiration: \(expiration), "
            + "secretAccessKey: <redacted>, sessionToken: <redacted>)"
    }

    var json: JSONValue {
        .object([("accessKeyId", .string(accessKeyId)), ("expiration", .string(expiration)),
                 ("secretAccessKey", .string(secretAccessKey)), ("sessionToken", .string(sessionToken))])
    }
}
