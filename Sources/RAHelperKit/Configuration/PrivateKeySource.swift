/// Where the private key lives. As with certificates, the official helper overloads one
/// `--private-key` string; the prefix decides.
public enum PrivateKeySource: Sendable, Equatable {
    /// A key file: PKCS#1, SEC1 or PKCS#8 (optionally encrypted), PEM or DER, or a `TSS2 PRIVATE KEY`.
    case file(path: String)
    /// A `pkcs11:` URI naming a private key object.
    case pkcs11(uri: String)
    /// A TPM 2.0 persistent handle, `handle:0x81xxxxxx`.
    case tpmHandle(String)
    /// The bytes of a key file, held in memory (from an environment variable or standard input).
    case inMemory(InMemorySource)

    /// Classifies a `--private-key` argument by its `pkcs11:` or `handle:` prefix.
    public init(argument: String) {
        if argument.hasPrefix("pkcs11:") {
            self = .pkcs11(uri: argument)
        } else if argument.hasPrefix("handle:") {
            self = .tpmHandle(argument)
        } else {
            self = .file(path: argument)
        }
    }
}
