public import RACrypto

/// The seam between "where the key lives" and "how CreateSession is signed". File keys implement it
/// today; PKCS#11 tokens, TPM keys and OS stores can implement it without touching the request code.
public protocol CredentialSigner: Sendable {
    /// The end-entity certificate, sent base64-DER in `X-Amz-X509`; its serial goes into `Credential=`.
    var certificate: Certificate { get }
    /// Certificates sent in `X-Amz-X509-Chain`, in this order; empty means the header is omitted.
    var chain: [Certificate] { get }
    /// The SigV4-X509 algorithm name for this key, e.g. `AWS4-X509-ECDSA-SHA256`.
    var algorithm: String { get }
    /// Signs the string-to-sign bytes: RSA PKCS#1 v1.5 or DER ECDSA, always over SHA-256.
    func sign(_ message: [UInt8]) throws(HelperError) -> [UInt8]
}

/// SigV4-X509 algorithm names by key type.
enum SigningAlgorithmName {
    static let rsa = "AWS4-X509-RSA-SHA256"
    static let ecdsa = "AWS4-X509-ECDSA-SHA256"

    /// The official helper fixes the name by key type; anything but RSA and EC is `unsupported algorithm`.
    static func forKey(_ kind: PublicKeyKind) throws(HelperError) -> String {
        switch kind {
        case .rsa: rsa
        case .ec: ecdsa
        case .other: throw HelperError.unsupported("unsupported algorithm")
        }
    }
}
