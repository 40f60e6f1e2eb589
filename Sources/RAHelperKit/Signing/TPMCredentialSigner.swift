public import RACrypto

/// Signs with a key held by a TPM 2.0: a `TSS2 PRIVATE KEY` file or a persistent handle, through the
/// tpm2-openssl provider. The certificate is always a file (the TPM holds only keys).
///
/// The authorization value follows the official helper: none when the key file says `emptyAuth` or
/// `--no-tpm-key-password` is given for a handle; `--tpm-key-password` when given (wrong is fatal:
/// `incorrect TPM key password`); then the unattended password the program configured; otherwise
/// the terminal prompt, asked again while the TPM rejects it.
public struct TPMCredentialSigner: CredentialSigner {
    public let certificate: Certificate
    public let chain: [Certificate]
    public let algorithm: String
    private let key: TPMKey

    static let prompt = "Please enter your TPM key password:"
    static let reprompt = "Incorrect TPM key password. Please try again:"
    static let unreadable = "unable to read your TPM key password"

    /// - Parameters:
    ///   - keyFile: the parsed key file for `.keyFile` references (its `emptyAuth` decides whether a
    ///     password exists); nil for handles.
    ///   - options: `--tpm-key-password` and `--no-tpm-key-password`.
    public init(certificate: Certificate, chain: [Certificate] = [], key reference: TPMKeyReference, keyFile: TSS2KeyFile?,
                options: HardwareKeyOptions, prompt: @escaping SecretPrompt = TerminalSecretPrompt.read) throws(HelperError) {
        let given = options.tpmKeyPassword.flatMap { $0.isEmpty ? nil : $0 }
        let noPassword = keyFile?.emptyAuth ?? options.noTPMKeyPassword
        if let keyFile, keyFile.emptyAuth, given != nil {
            throw HelperError.configuration("password is provided but TPM key file indicates that one isn't required")
        }
        var key: TPMKey
        if noPassword {
            key = try Self.load(reference, password: nil)
        } else if let given {
            key = try Self.load(reference, password: given)
            // The TPM checks the password only when signing; probe once so a wrong one fails here.
            guard try Self.passwordAccepted(by: key) else { throw HelperError.identity("incorrect TPM key password") }
        } else if let unattended = options.unattendedTPMKeyPassword {
            key = try Self.load(reference, password: unattended)
            guard try Self.passwordAccepted(by: key) else { throw HelperError.identity("incorrect TPM key password") }
        } else {
            guard var typed = prompt(Self.prompt) else { throw HelperError.identity(Self.unreadable) }
            key = try Self.load(reference, password: typed)
            while try !Self.passwordAccepted(by: key) {
                guard let again = prompt(Self.reprompt) else { throw HelperError.identity(Self.unreadable) }
                typed = again
                key = try Self.load(reference, password: typed)
            }
        }
        guard key.matches(certificate) else {
            throw HelperError.identity("private key does not match the certificate's public key")
        }
        self.certificate = certificate
        self.chain = chain
        self.algorithm = try SigningAlgorithmName.forKey(key.kind)
        self.key = key
    }

    public func sign(_ message: [UInt8]) throws(HelperError) -> [UInt8] {
        do {
            return try key.signature(for: message)
        } catch {
            throw HelperError(.signing, "could not sign request \(error)")
        }
    }

    private static func load(_ reference: TPMKeyReference, password: String?) throws(HelperError) -> TPMKey {
        do {
            return try TPMKey(reference, password: password)
        } catch {
            throw helperError(error)
        }
    }

    /// Signs a fixed message to learn whether the TPM accepts the key's password: false when it
    /// rejects it, and any other failure reported as it is.
    private static func passwordAccepted(by key: TPMKey) throws(HelperError) -> Bool {
        do {
            _ = try key.signature(for: Array("AWS Roles Anywhere Credential Helper TPM password check".utf8))
            return true
        } catch .wrongPassword {
            return false
        } catch {
            throw helperError(error)
        }
    }

    static func helperError(_ error: HardwareKeyError) -> HelperError {
        switch error {
        case .malformed: HelperError.configuration(error.description)
        case .unsupported: HelperError.unsupported(error.description)
        default: HelperError.identity(error.description)
        }
    }
}
