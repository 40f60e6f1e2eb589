/// Header names SigV4 and SigV4-X509 put on the wire, spelled as the official clients send them.
/// Lookups are case-insensitive everywhere in RAWire, so the spelling matters only for output.
public enum AmzHeader {
    public static let authorization = "Authorization"
    public static let date = "X-Amz-Date"
    public static let securityToken = "X-Amz-Security-Token"
    public static let contentSHA256 = "X-Amz-Content-Sha256"
    /// base64(DER) of the signing certificate.
    public static let x509 = "X-Amz-X509"
    /// Comma-separated base64(DER) intermediates (at most five).
    public static let x509Chain = "X-Amz-X509-Chain"
}
