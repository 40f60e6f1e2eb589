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

    /// Reads the identity as the official helper's file signer does.
    /// - Parameters:
    ///   - certificatePath: PEM (first `CERTIFICATE` block) or DER certificate; also the key file when
    ///     `privateKeyPath` is nil (a combined key+certificate PEM).
    ///   - privateKeyPath: PKCS#1, SEC1 or PKCS#8 key, PEM or DER.
    ///   - intermediatesPath: PEM bundle whose every block must be a `CERTIFICATE`.
    ///   - pkcs8Password: for `ENCRYPTED PRIVATE KEY`; empty means none.
    public init(certificatePath: String, privateKeyPath: String? = nil, intermediatesPath: String? = nil,
                pkcs8Password: String? = nil) throws(HelperError) {
        let certificateBytes = try Self.read(certificatePath, what: "certificate")
        let certificate = try IdentityFileParser.certificate(from: certificateBytes,
                                                             keyGivenSeparately: privateKeyPath != nil,
                                                             hasIntermediates: intermediatesPath != nil)
        var chain: [Certificate] = []
        if let intermediatesPath {
            chain = try IdentityFileParser.chain(from: Self.read(intermediatesPath, what: "certificate bundle"))
        }
        let keyBytes = privateKeyPath == nil
            ? certificateBytes
            : try Self.read(privateKeyPath ?? certificatePath, what: "private key")
        let key = try IdentityFileParser.privateKey(from: keyBytes, password: pkcs8Password)
        try self.init(certificate: certificate, chain: chain, privateKey: key)
    }

    public func sign(_ message: [UInt8]) throws(HelperError) -> [UInt8] {
        do {
            return try key.signature(for: message)
        } catch {
            throw HelperError(.signing, "could not sign request \(error)")
        }
    }

    private static func read(_ path: String, what: String) throws(HelperError) -> [UInt8] {
        do {
            return try FileBytes.contents(of: path)
        } catch {
            throw HelperError.identity("failed to read \(what): \(error.message)")
        }
    }
}
