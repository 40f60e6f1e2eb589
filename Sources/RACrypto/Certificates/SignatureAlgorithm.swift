/// How a certificate or CRL was signed, e.g. `ecdsa-with-SHA256` or `sha256WithRSAEncryption`.
public struct SignatureAlgorithm: Sendable, Equatable, Hashable {
    /// OpenSSL's long name for the algorithm OID, or the dotted OID when unknown.
    public var name: String
    public var digest: DigestAlgorithm

    public init(name: String, digest: DigestAlgorithm) {
        self.name = name
        self.digest = digest
    }
}
