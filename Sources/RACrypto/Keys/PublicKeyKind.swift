/// The key algorithm and size, which decides the SigV4-X509 algorithm name (`AWS4-X509-RSA-SHA256`
/// or `AWS4-X509-ECDSA-SHA256`) and lets policies reject weak keys.
public enum PublicKeyKind: Sendable, Equatable, Hashable, CustomStringConvertible {
    case rsa(bits: Int)
    /// "P-256", "P-384", "P-521", or OpenSSL's group name for other curves.
    case ec(curve: String)
    /// Any other algorithm, by OpenSSL's name for it (e.g. "ED25519").
    case other(String)

    public var description: String {
        switch self {
        case .rsa(let bits): "RSA \(bits)"
        case .ec(let curve): "EC \(curve)"
        case .other(let name): name
        }
    }
}
