public import RACrypto

/// A certificate and private key read from files (or handed over in memory), the common case.
///
/// Files are read when the signer is made; callers that refresh credentials build a new signer per
/// refresh (as `CredentialsProvider` does), so renewed certificates and keys on disk are picked up
/// just as the official helper picks them up by re-reading on every use.
public struct FileCredentialSigner: CredentialSigner {
    public let certificate: Certificate
    public let chain: [Certificate]
    public let algorithm: String
    private let key: PrivateKey

    /// An identity already in memory, for programs that get their certificate and key from somewhere
    /// other than files (environment, a secrets store, standard input).
    public init(certificate: Certificate, chain: [Certificate] = [], privateKey: PrivateKey) throws(HelperError) {
        guard privateKey.matches(certificate) else {
            throw HelperError.identity("private key does not match the certificate's public key")
        }
        self.certificate = certificate
        self.chain = chain
        self.algorithm = try SigningAlgorithmName.forKey(privateKey.kind)
        self.key = privateKey
    }

    /// Reads the identity as the official helper's file signer does (see `FileIdentity.load`).
    /// - Parameters:
    ///   - certificatePath: PEM or DER certificate, a bundle (the extra certificates become the chain
    ///     unless `intermediatesPath` is given), a combined key+certificate PEM when `privateKeyPath` is
    ///     nil, or a PKCS#12 file when `privateKeyPath` is nil.
    ///   - privateKeyPath: PKCS#1, SEC1 or PKCS#8 key, PEM or DER.
    ///   - intermediatesPath: PEM bundle whose every block must be a `CERTIFICATE`.
    ///   - pkcs8Password: for `ENCRYPTED PRIVATE KEY`; empty means none.
    ///   - pkcs12Password: for a PKCS#12 file; nil or empty means the empty password.
    public init(certificatePath: String, privateKeyPath: String? = nil, intermediatesPath: String? = nil,
                pkcs8Password: String? = nil, pkcs12Password: String? = nil) throws(HelperError) {
        try self.init(FileIdentity.load(certificate: .file(path: certificatePath),
                                        privateKey: privateKeyPath.map { .file(path: $0) },
                                        intermediatesPath: intermediatesPath, pkcs8Password: pkcs8Password,
                                        pkcs12Password: pkcs12Password))
    }

    /// An identity loaded from files or memory; fails if the key does not belong to the certificate.
    public init(_ identity: FileIdentity) throws(HelperError) {
        try self.init(certificate: identity.certificate, chain: identity.chain, privateKey: identity.privateKey)
    }

    public func sign(_ message: [UInt8]) throws(HelperError) -> [UInt8] {
        do {
            return try key.signature(for: message)
        } catch {
            throw HelperError(.signing, "could not sign request \(error)")
        }
    }
}

extension FileCredentialSigner: DigestSelectingSigner {
    /// A key in memory hashes with any SHA-2 digest, for `sign-string --digest`.
    public func sign(_ message: [UInt8], digest: SigningTestDigest) throws(HelperError) -> [UInt8] {
        do {
            return try key.signature(for: message, digest: digest.algorithm)
        } catch {
            throw HelperError(.signing, "\(error)")
        }
    }
}
