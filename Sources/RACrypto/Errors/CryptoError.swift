/// Every failure RACrypto reports. Callers decide how terse to be on the wire; the message here is
/// meant for logs and audit records, so it names what was wrong but never carries key material,
/// passwords or plaintext.
public enum CryptoError: Error, Equatable, CustomStringConvertible {
    /// The input could not be decoded (bad PEM, bad DER, unparseable name, ...).
    case malformed(String)
    /// The input is well-formed but uses something RACrypto does not handle.
    case unsupported(String)
    /// An encrypted private key was given a password that does not decrypt it.
    case wrongPassword
    /// An encrypted private key was given no password at all.
    case passwordRequired
    /// Authenticated decryption found that the ciphertext, tag or associated data were altered.
    case authenticationFailed
    /// OpenSSL refused an operation that should have worked; the message says which one.
    case operationFailed(String)

    public var description: String {
        switch self {
        case .malformed(let message): "malformed input: \(message)"
        case .unsupported(let message): "unsupported: \(message)"
        case .wrongPassword: "wrong password for encrypted private key"
        case .passwordRequired: "the private key is encrypted and no password was given"
        case .authenticationFailed: "authenticated decryption failed: data or tag altered"
        case .operationFailed(let message): "crypto operation failed: \(message)"
        }
    }
}
