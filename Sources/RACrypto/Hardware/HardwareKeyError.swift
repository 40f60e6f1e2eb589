/// Failures of keys that live in a PKCS#11 token or a TPM. They are separate from `CryptoError`
/// because callers react to them differently: a wrong PIN or password can be asked for again, a
/// missing module or object is a configuration problem, and none of them says anything about the
/// bytes being signed. Messages never carry PINs, passwords or key material.
public enum HardwareKeyError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The PKCS#11 module (shared library) could not be loaded; carries its path.
    case moduleUnavailable(String)
    /// The token refused the user PIN (`C_Login` with `CKU_USER`).
    case loginFailed(PKCS11ReturnCode)
    /// The token refused the context-specific PIN of a `CKA_ALWAYS_AUTHENTICATE` key.
    case contextLoginFailed
    /// No certificate or private key on any token matches the URI; carries what was looked for.
    case objectNotFound(String)
    /// The TPM rejected the key's authorization value (`TPM_RC_AUTH_FAIL` or `TPM_RC_BAD_AUTH`).
    case wrongPassword
    /// The TPM could not be reached, or refused an operation; carries the TSS explanation.
    case tpm(String)
    /// The key refused to sign; carries the library's reason.
    case signingFailed(String)
    /// A URI, handle or key file is not in the expected form; the message is the one to show.
    case malformed(String)
    /// A well-formed request this build does not serve.
    case unsupported(String)

    public var description: String {
        switch self {
        case .moduleUnavailable(let path): "Failed to load provider library \(path)"
        case .loginFailed(let code): "user authentication failed (\(code))"
        case .contextLoginFailed: "user re-authentication failed (the context-specific PIN was not accepted)"
        case .objectNotFound(let what): "unable to find \(what)"
        case .wrongPassword: "incorrect TPM key password"
        case .tpm(let message): message
        case .signingFailed(let reason): "signing failed (\(reason))"
        case .malformed(let message): message
        case .unsupported(let message): message
        }
    }
}
