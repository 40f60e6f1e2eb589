/// The CreateSession request `diagnose` would send (or sent), with the SigV4-X509 intermediate texts
/// an operator compares with the server's view when a signature is refused.
public struct RequestPreview: Sendable, Equatable {
    public var method: String
    public var url: String
    /// Exactly the text whose SHA-256 goes into the string to sign.
    public var canonicalRequest: String
    /// Exactly the bytes the private key signed.
    public var stringToSign: String
    public var authorization: String
}
