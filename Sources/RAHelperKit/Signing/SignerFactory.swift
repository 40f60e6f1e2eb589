/// Picks and builds the signer a configuration asks for, following the official helper's
/// `GetSigner` order, and says plainly which sources this build cannot serve yet.
public enum SignerFactory {
    public static func makeSigner(for configuration: CredentialsConfiguration) throws(HelperError) -> any CredentialSigner {
        switch (configuration.certificate, configuration.privateKey) {
        case (nil, nil):
            // No certificate and no key means the OS certificate store (macOS Keychain, Windows).
            throw HelperError.unsupported("unable to use cert store signer on linux")
        case (_, .pkcs11), (.pkcs11, nil):
            return try HardwareSignerFactory.pkcs11Signer(for: configuration)
        case (.pkcs11, _):
            // A token certificate with a file or TPM key: the official helper has no certificate then.
            throw HelperError.identity("undefined certificate value")
        case (_, .tpmHandle(let handle)):
            return try HardwareSignerFactory.tpmHandleSigner(for: configuration, handle: handle)
        case (nil, .file), (nil, .inMemory):
            throw HelperError.identity("undefined certificate value")
        case (.file, _), (.inMemory, _):
            // Files and in-memory bytes (env:NAME, standard input) alike; PKCS#12 and bundles included.
            if let tpm = try HardwareSignerFactory.tpmKeyFileSigner(for: configuration) { return tpm }
            return try FileCredentialSigner(FileIdentity.load(for: configuration))
        }
    }
}
