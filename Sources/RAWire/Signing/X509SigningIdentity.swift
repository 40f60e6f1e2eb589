/// What the X.509 signer needs from a certificate and its key, without knowing where the key lives.
///
/// The key stays behind `sign` so that file keys, PKCS#11 tokens and TPMs all plug in the same way.
public struct X509SigningIdentity: Sendable {
    /// Must match the certificate's key type (`AWS4-X509-RSA-SHA256`, `-ECDSA-SHA256`, `-MLDSA`).
    public var algorithm: SigV4Algorithm
    /// The certificate serial in decimal, as `Credential=` carries it.
    public var serialNumber: String
    /// Signs the UTF-8 string-to-sign and returns the raw signature (DER for ECDSA); SHA-256 is
    /// used whatever the key size or curve, as the official helper does.
    public var sign: @Sendable ([UInt8]) throws -> [UInt8]

    public init(algorithm: SigV4Algorithm, serialNumber: String,
                sign: @escaping @Sendable ([UInt8]) throws -> [UInt8]) {
        self.algorithm = algorithm
        self.serialNumber = serialNumber
        self.sign = sign
    }
}
