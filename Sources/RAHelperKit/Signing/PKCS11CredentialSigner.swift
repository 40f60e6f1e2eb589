public import RACrypto
import Synchronization

/// Signs with a private key on a PKCS#11 token (smart card, HSM, SoftHSM), through OpenSSL's
/// `pkcs11` engine. The certificate comes from the token (a `pkcs11:` URI) or from a file.
///
/// Differences from the official helper, all forced by the engine and documented in the README:
/// the chain is never collected from the token (give `--intermediates`), and a wrong
/// context-specific PIN ends the attempt instead of asking again.
public final class PKCS11CredentialSigner: CredentialSigner {
    public let certificate: Certificate
    public let chain: [Certificate]
    public let algorithm: String
    private let key: PKCS11PrivateKey
    private let contextPINUnreadable: ContextPINFlag

    /// - Parameters:
    ///   - certificate: a certificate already read from a file; nil to read `certificateURI` from the token.
    ///   - certificateURI: where the certificate is on the token; also where the key is looked for
    ///     when `keyURI` is nil (draft-woodhouse-cert-best-practice §8.2).
    ///   - keyURI: the private key object.
    ///   - chain: certificates for `X-Amz-X509-Chain` (from `--intermediates`).
    ///   - options: module path, `--reuse-pin`, and the unattended PIN.
    ///   - prompt: asks for the user PIN and context-specific PINs when nothing else supplies them.
    public init(certificate: Certificate?, certificateURI: String?, keyURI: String?, chain: [Certificate] = [],
                options: HardwareKeyOptions, prompt: @escaping SecretPrompt = TerminalSecretPrompt.read) throws(HelperError) {
        let certificateLocation = try certificateURI.map { text throws(HelperError) in try Self.parse(text) }
        guard let keyLocation = try keyURI.map({ text throws(HelperError) in try Self.parse(text) }) ?? certificateLocation else {
            throw HelperError.identity("undefined certificate value")
        }
        let token = PKCS11Token(modulePath: options.pkcs11Library)
        // The key URI's PIN wins over the certificate URI's, as in the official helper.
        let pin = try PKCS11UserPIN.resolve(uris: [keyLocation] + (certificateLocation.map { [$0] } ?? []),
                                            unattended: options.pkcs11PIN, prompt: prompt)
        let resolved: Certificate
        if let certificate {
            resolved = certificate
        } else if let certificateLocation {
            resolved = try Self.mapped { () throws(HardwareKeyError) in try token.certificate(certificateLocation, pin: pin.value) }
        } else {
            throw HelperError.identity("undefined certificate value")
        }
        let flag = ContextPINFlag()
        let key = try Self.loadKey(token, keyLocation, pin: pin, reusePin: options.reusePin, flag: flag, prompt: prompt)
        guard key.matches(resolved) else { throw HelperError.identity("unable to find matching private key") }
        self.certificate = resolved
        self.chain = chain
        self.algorithm = try SigningAlgorithmName.forKey(key.kind)
        self.key = key
        self.contextPINUnreadable = flag
    }

    public func sign(_ message: [UInt8]) throws(HelperError) -> [UInt8] {
        do {
            return try key.signature(for: message)
        } catch HardwareKeyError.contextLoginFailed where contextPINUnreadable.isSet {
            throw HelperError(.signing, "could not sign request user re-authentication failed "
                + "(unable to read PKCS#11 context-specific PIN for private key object (\(key.uri.withType("private"))))")
        } catch {
            throw HelperError(.signing, "could not sign request \(error)")
        }
    }

    /// Loads the key, asking again while a PIN the operator typed is rejected as incorrect.
    private static func loadKey(_ token: PKCS11Token, _ uri: PKCS11URI, pin: PKCS11UserPIN, reusePin: Bool,
                                flag: ContextPINFlag, prompt: @escaping SecretPrompt) throws(HelperError) -> PKCS11PrivateKey {
        var pin = pin
        while true {
            let userPIN = pin.value
            let contextPIN: @Sendable () -> String? = {
                if reusePin { return userPIN }
                let answer = prompt("Please enter your context-specific PIN for private key object (\(uri.withType("private"))):")
                if answer == nil { flag.set() }
                return answer
            }
            do {
                return try token.privateKey(uri, pin: userPIN, contextPIN: contextPIN)
            } catch HardwareKeyError.loginFailed(let code) where code.isIncorrectPIN && pin.wasPrompted {
                guard let typed = prompt(PKCS11UserPIN.reprompt) else { throw HelperError.identity(PKCS11UserPIN.unreadable) }
                pin = PKCS11UserPIN(value: typed, wasPrompted: true)
            } catch {
                throw helperError(error)
            }
        }
    }

    private static func parse(_ text: String) throws(HelperError) -> PKCS11URI {
        do {
            return try PKCS11URI(text)
        } catch {
            throw HelperError.configuration(error.description)
        }
    }

    private static func mapped<R>(_ body: () throws(HardwareKeyError) -> R) throws(HelperError) -> R {
        do {
            return try body()
        } catch {
            throw helperError(error)
        }
    }

    /// The official helper's wording for each failure.
    static func helperError(_ error: HardwareKeyError) -> HelperError {
        switch error {
        case .moduleUnavailable, .malformed: HelperError.configuration(error.description)
        case .unsupported: HelperError.unsupported(error.description)
        case .objectNotFound(let what) where what == "certificate": HelperError.identity("unable to find certificate")
        default: HelperError.identity(error.description)
        }
    }
}

/// Remembers that a context-specific PIN was asked for and nobody could answer, so the signing
/// error can say so instead of blaming the PIN.
final class ContextPINFlag: Sendable {
    private let value = Mutex(false)
    func set() { value.withLock { $0 = true } }
    var isSet: Bool { value.withLock { $0 } }
}
