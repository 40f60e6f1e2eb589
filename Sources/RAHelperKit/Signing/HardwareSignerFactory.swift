import RACrypto

/// Builds the PKCS#11 and TPM signers from a configuration, following the official helper's
/// `GetSigner` order: a `pkcs11:` key (or certificate without a key) goes to the token, a
/// `handle:` key or a `TSS2 PRIVATE KEY` file goes to the TPM. Kept apart from `SignerFactory` so the
/// file-based path stays free of hardware concerns.
enum HardwareSignerFactory {
    /// A `pkcs11:` private key, or a `pkcs11:` certificate whose key sits beside it on the token.
    /// The certificate may instead be a file (the official helper's "hybrid" case).
    static func pkcs11Signer(for configuration: CredentialsConfiguration,
                             prompt: @escaping SecretPrompt = TerminalSecretPrompt.read) throws(HelperError) -> any CredentialSigner {
        var keyURI: String?
        if case .pkcs11(let uri) = configuration.privateKey { keyURI = uri }
        var certificateURI: String?
        var certificate: Certificate?
        switch configuration.certificate {
        case .pkcs11(let uri): certificateURI = uri
        case .none: throw HelperError.identity("undefined certificate value")
        case .some(let source):
            certificate = try fileCertificate(source)
        }
        return try PKCS11CredentialSigner(certificate: certificate, certificateURI: certificateURI, keyURI: keyURI,
                                          chain: try intermediates(configuration), options: configuration.hardware,
                                          prompt: prompt)
    }

    /// A `handle:0x81…` private key; the certificate must be a file.
    static func tpmHandleSigner(for configuration: CredentialsConfiguration, handle: String,
                                prompt: @escaping SecretPrompt = TerminalSecretPrompt.read) throws(HelperError) -> any CredentialSigner {
        let reference: TPMKeyReference
        do {
            reference = try TPMKeyReference(handleArgument: handle)
        } catch {
            throw HelperError.configuration(error.description)
        }
        return try TPMCredentialSigner(certificate: requiredFileCertificate(configuration), chain: intermediates(configuration),
                                       key: reference, keyFile: nil, options: configuration.hardware, prompt: prompt)
    }

    /// A TPM signer when the key file (or, without `--private-key`, the certificate file) holds a
    /// `TSS2 PRIVATE KEY`; nil for every other file, which the file signer handles.
    static func tpmKeyFileSigner(for configuration: CredentialsConfiguration,
                                 prompt: @escaping SecretPrompt = TerminalSecretPrompt.read) throws(HelperError) -> (any CredentialSigner)? {
        let keyPath: String
        switch configuration.privateKey {
        case .file(let path): keyPath = path
        case .none:
            guard case .file(let path) = configuration.certificate else { return nil }
            keyPath = path
        case .inMemory(let source):
            // The provider loads key files by path; an in-memory TSS2 key is refused plainly.
            if let bytes = try? source.bytes(), TSS2KeyFile.isTSS2PEM(bytes) {
                throw HelperError.unsupported("TSS2 PRIVATE KEY must be given as a file path, not in memory")
            }
            return nil
        case .pkcs11, .tpmHandle: return nil
        }
        guard let bytes = try? FileBytes.contents(of: keyPath), TSS2KeyFile.isTSS2PEM(bytes) else { return nil }
        let keyFile: TSS2KeyFile
        do {
            keyFile = try TSS2KeyFile(pem: bytes)
        } catch {
            throw TPMCredentialSigner.helperError(error)
        }
        return try TPMCredentialSigner(certificate: requiredFileCertificate(configuration), chain: intermediates(configuration),
                                       key: .keyFile(path: keyPath), keyFile: keyFile, options: configuration.hardware,
                                       prompt: prompt)
    }

    private static func requiredFileCertificate(_ configuration: CredentialsConfiguration) throws(HelperError) -> Certificate {
        // A `pkcs11:` certificate has no file contents, and the official helper has no certificate then.
        guard let source = configuration.certificate else { throw HelperError.identity("undefined certificate value") }
        return try fileCertificate(source)
    }

    /// The first certificate of a certificate file or in-memory PEM/DER, with the file signer's messages.
    private static func fileCertificate(_ source: CertificateSource) throws(HelperError) -> Certificate {
        guard let bytes = try source.contents() else { throw HelperError.identity("undefined certificate value") }
        guard let first = try IdentityFileParser.pemOrDERCertificates(from: bytes)?.first else {
            throw HelperError.identity("could not parse PEM data")
        }
        return first
    }

    private static func intermediates(_ configuration: CredentialsConfiguration) throws(HelperError) -> [Certificate] {
        guard let path = configuration.intermediatesPath else { return [] }
        return try IdentityFileParser.chain(from: SourceContents.read(path: path, what: "certificate bundle"))
    }
}
