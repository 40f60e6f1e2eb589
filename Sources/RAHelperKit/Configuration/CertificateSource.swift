/// Where the signing certificate is read from. The official helper overloads one `--certificate`
/// string; classifying it once here keeps the signer factory a plain switch.
public enum CertificateSource: Sendable, Equatable {
    /// A file: PEM (first `CERTIFICATE` block), DER, a combined key+certificate PEM, or PKCS#12.
    case file(path: String)
    /// A `pkcs11:` URI naming a certificate object on a token.
    case pkcs11(uri: String)
    /// The bytes of such a file, held in memory (from an environment variable or standard input).
    case inMemory(InMemorySource)

    /// Classifies a `--certificate` argument the way the official helper does (`pkcs11:` prefix).
    public init(argument: String) {
        self = argument.hasPrefix("pkcs11:") ? .pkcs11(uri: argument) : .file(path: argument)
    }
}
