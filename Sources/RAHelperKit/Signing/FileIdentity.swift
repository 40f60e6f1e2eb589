public import RACrypto

/// A certificate, the chain to send with it, and a private key held in process memory: what the
/// official helper's file signer works with, read from files, environment variables or standard input.
///
/// Loading does not insist that key and certificate belong together, so `diagnose` can report a
/// mismatch as a finding; `FileCredentialSigner` refuses one.
public struct FileIdentity: Sendable {
    public let certificate: Certificate
    /// Sent as `X-Amz-X509-Chain`, in this order; empty means no header.
    public let chain: [Certificate]
    public let privateKey: PrivateKey
    /// Where the chain came from, for diagnostics.
    public let chainOrigin: ChainOrigin

    /// Why `chain` holds what it holds.
    public enum ChainOrigin: Sendable, Equatable {
        /// No chain: a single certificate and no `--intermediates`.
        case none
        /// The `--intermediates` bundle, in file order.
        case intermediates
        /// The other certificates of a `--certificate` bundle, in file order.
        case certificateBundle
        /// Every certificate of a PKCS#12 file, the end-entity first (as the official helper sends it).
        case pkcs12
    }

    public var keyMatchesCertificate: Bool { privateKey.matches(certificate) }

    /// True when the configuration names files or in-memory bytes for both halves, which `load` reads;
    /// tokens, TPMs and OS stores need other signers.
    public static func serves(_ configuration: CredentialsConfiguration) -> Bool {
        switch configuration.certificate {
        case .file?, .inMemory?: break
        case .pkcs11?, nil: return false
        }
        switch configuration.privateKey {
        case nil, .file?, .inMemory?: return true
        case .pkcs11?, .tpmHandle?: return false
        }
    }

    /// Loads the identity a configuration names, when both halves are files or in-memory bytes.
    public static func load(for configuration: CredentialsConfiguration) throws(HelperError) -> FileIdentity {
        guard let certificate = configuration.certificate else {
            throw HelperError.identity("undefined certificate value")
        }
        return try load(certificate: certificate, privateKey: configuration.privateKey,
                        intermediatesPath: configuration.intermediatesPath,
                        pkcs8Password: configuration.pkcs8Password, pkcs12Password: configuration.pkcs12Password)
    }

    /// Reads and decodes, in the official helper's order (certificate, bundle, key) and with its messages.
    /// - Parameters:
    ///   - certificate: PEM (every `CERTIFICATE` block; the one matching the key is the end entity, the
    ///     others become the chain unless `intermediatesPath` is given), DER, a combined key+certificate
    ///     PEM, or PKCS#12 when `privateKey` is nil.
    ///   - privateKey: PKCS#1, SEC1 or PKCS#8 (optionally encrypted), PEM or DER; nil means the
    ///     certificate source holds the key too.
    ///   - intermediatesPath: PEM bundle whose every block must be a `CERTIFICATE`.
    ///   - pkcs8Password: for `ENCRYPTED PRIVATE KEY`; empty means none.
    ///   - pkcs12Password: for a PKCS#12 file; nil or empty means the empty password.
    public static func load(certificate: CertificateSource, privateKey: PrivateKeySource?, intermediatesPath: String?,
                            pkcs8Password: String?, pkcs12Password: String?) throws(HelperError) -> FileIdentity {
        guard let certificateBytes = try certificate.contents() else {
            throw HelperError.unsupported("the certificate is on a PKCS#11 token, not in a file")
        }
        let file = try IdentityFileParser.certificateFile(from: certificateBytes, keyGivenSeparately: privateKey != nil,
                                                          hasIntermediates: intermediatesPath != nil,
                                                          pkcs12Password: pkcs12Password)
        if case .pkcs12(let contents) = file {
            return FileIdentity(certificate: contents.certificate,
                                chain: [contents.certificate] + contents.additionalCertificates,
                                privateKey: contents.privateKey, chainOrigin: .pkcs12)
        }
        guard case .certificates(let certificates) = file, let first = certificates.first else {
            throw HelperError.identity("could not parse certificate")
        }
        var intermediates: [Certificate]?
        if let intermediatesPath {
            intermediates = try IdentityFileParser.chain(from: SourceContents.read(path: intermediatesPath,
                                                                                 what: "certificate bundle"))
        }
        let keyBytes: [UInt8]
        if let privateKey {
            guard let bytes = try privateKey.contents() else {
                throw HelperError.unsupported("the private key is on a token or in a TPM, not in a file")
            }
            keyBytes = bytes
        } else {
            keyBytes = certificateBytes
        }
        let key = try IdentityFileParser.privateKey(from: keyBytes, password: pkcs8Password)
        // The official helper takes the first block; taking the one that matches the key (the first,
        // in every file the official helper accepts) also serves bundles written root first.
        let leaf = certificates.first { key.matches($0) } ?? first
        if let intermediates {
            return FileIdentity(certificate: leaf, chain: intermediates, privateKey: key,
                                chainOrigin: intermediates.isEmpty ? .none : .intermediates)
        }
        let others = certificates.filter { $0 != leaf }
        return FileIdentity(certificate: leaf, chain: others, privateKey: key,
                            chainOrigin: others.isEmpty ? .none : .certificateBundle)
    }
}
