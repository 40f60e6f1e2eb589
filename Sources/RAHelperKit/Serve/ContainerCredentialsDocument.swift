import RAWire

/// The body the ECS container-credentials endpoint answers with, in the shape every AWS SDK's
/// container provider reads (`AccessKeyId`, `SecretAccessKey`, `Token`, `Expiration`), the
/// expiration passed through as the service wrote it.
struct ContainerCredentialsDocument: Sendable {
    var credentials: Credentials

    var bytes: [UInt8] {
        JSONValue.object([
            ("AccessKeyId", .string(credentials.accessKeyId)),
            ("SecretAccessKey", .string(credentials.secretAccessKey)),
            ("Token", .string(credentials.sessionToken)),
            ("Expiration", .string(credentials.expiration)),
        ]).bytes()
    }

    /// The error body: `{"code":"…","message":"…"}`, which SDKs quote in their exception.
    static func error(code: String, message: String) -> [UInt8] {
        JSONValue.object([("code", .string(code)), ("message", .string(message))]).bytes()
    }
}
