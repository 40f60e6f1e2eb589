/// Picks and builds the signer a configuration asks for, following the official helper's
/// `GetSigner` order, and says plainly which sources this build cannot serve yet.
public enum SignerFactory {
    public static func makeSigner(for configuration: CredentialsConfiguration) throws(HelperError) -> any CredentialSigner {
        switch (configuration.certificate, configuration.privateKey) {
        case (nil, nil):
            // No certificate and no key means the OS certificate store (macOS Keychain, Windows).
            throw HelperError.unsupported("unable to use cert store signer on linux")
        case (.pkcs11, _), (_, .pkcs11):
            throw HelperError.unsupported("PKCS#11 certificates and keys are not supported yet")
        case (_, .tpmHandle):
            throw HelperError.unsupported("TPM 2.0 keys are not supported yet")
        case (nil, .file):
            throw HelperError.identity("undefined certificate value")
        case (.file(let certificatePath), let key):
            var keyPath: String?
            if case .file(let path) = key { keyPath = path }
            return try FileCredentialSigner(certificatePath: certificatePath, privateKeyPath: keyPath,
                                            intermediatesPath: configuration.intermediatesPath,
                                            pkcs8Password: configuration.pkcs8Password)
        }
    }
}
