/// The algorithm token that opens an `Authorization` header and the string to sign.
///
/// Kept open (a raw string) rather than an enum because the awslabs Python client emits
/// `AWS4-X509-{RSA|ECDSA}-SHA384/512` (named after the certificate's hash) over a SHA-256
/// signature; `x509KeyFamily` lets a lenient server accept those while still matching key types.
public struct SigV4Algorithm: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Classic SigV4 with an access key and secret (control plane, STS, IAM).
    public static let hmacSHA256 = SigV4Algorithm(rawValue: "AWS4-HMAC-SHA256")
    /// CreateSession signed with an RSA key (PKCS#1 v1.5, SHA-256).
    public static let x509RSASHA256 = SigV4Algorithm(rawValue: "AWS4-X509-RSA-SHA256")
    /// CreateSession signed with an EC key (ECDSA, SHA-256 whatever the curve, DER signature).
    public static let x509ECDSASHA256 = SigV4Algorithm(rawValue: "AWS4-X509-ECDSA-SHA256")
    /// CreateSession signed with an ML-DSA key (pure, empty context, no pre-hash).
    public static let x509MLDSA = SigV4Algorithm(rawValue: "AWS4-X509-MLDSA")

    /// The kind of certificate key an X.509 algorithm token claims.
    public enum X509KeyFamily: Sendable, Hashable {
        case rsa
        case ecdsa
        case mldsa
    }

    public var description: String { rawValue }

    /// True for any `AWS4-X509-` token, recognised or not.
    public var isX509: Bool { rawValue.hasPrefix("AWS4-X509-") }

    /// The key family of a recognised X.509 token: `AWS4-X509-RSA-SHA{256,384,512}`,
    /// `AWS4-X509-ECDSA-SHA{256,384,512}` or `AWS4-X509-MLDSA`; nil for anything else.
    public var x509KeyFamily: X509KeyFamily? {
        let digests = ["SHA256", "SHA384", "SHA512"]
        if rawValue == SigV4Algorithm.x509MLDSA.rawValue { return .mldsa }
        for (prefix, family) in [("AWS4-X509-RSA-", X509KeyFamily.rsa), ("AWS4-X509-ECDSA-", .ecdsa)]
        where rawValue.hasPrefix(prefix) {
            return digests.contains(String(rawValue.dropFirst(prefix.count))) ? family : nil
        }
        return nil
    }
}
