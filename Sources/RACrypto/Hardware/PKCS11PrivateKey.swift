import Foundation
internal import COpenSSL

/// A private key that never leaves its PKCS#11 token; OpenSSL's `pkcs11` engine performs each
/// signature on the token.
///
/// `@unchecked Sendable`: the `EVP_PKEY` is immutable after `init`, and every signature runs with
/// the engine lock held (the engine's PIN callbacks are global), which also guards
/// `contextPINCache`.
public final class PKCS11PrivateKey: @unchecked Sendable, CustomStringConvertible {
    private let pointer: OpaquePointer
    /// The URI the key was found with (without PIN attributes), for prompts and messages.
    public let uri: PKCS11URI
    public let publicKey: PublicKey
    public var kind: PublicKeyKind { publicKey.kind }
    private let modulePath: String
    private let contextPIN: @Sendable () -> String?
    /// The context-specific PIN that last worked, so long-running callers (`serve`, `update`) ask
    /// the operator once, as the official helper does.
    private var contextPINCache: String?

    init(owning key: OpaquePointer, uri: PKCS11URI, modulePath: String,
         contextPIN: @escaping @Sendable () -> String?) throws(HardwareKeyError) {
        pointer = key
        self.uri = uri
        self.modulePath = modulePath
        self.contextPIN = contextPIN
        do {
            publicKey = try PublicKey(derSPKI: EVPKey.spki(of: key))
        } catch {
            EVP_PKEY_free(key)
            throw HardwareKeyError.unsupported("the token's key has no usable public key")
        }
    }

    deinit { EVP_PKEY_free(pointer) }

    /// True when `certificate` carries this key's public half.
    public func matches(_ certificate: Certificate) -> Bool {
        let result = EVP_PKEY_eq(publicKey.pointer, certificate.publicKey.pointer)
        OpenSSLErrorQueue.drain()
        return result == 1
    }

    /// Signs as SigV4-X509 requires: RSA PKCS#1 v1.5 over SHA-256 (the token pads), or ECDSA over
    /// SHA-256 returned as DER, whatever form the token produced.
    public func signature(for message: [UInt8]) throws(HardwareKeyError) -> [UInt8] {
        try PKCS11Engine.shared.withEngine(modulePath: modulePath) { engine throws(HardwareKeyError) in
            var candidate: String?
            let request = SecretRequest { [self] in
                if let cached = contextPINCache { return cached }
                candidate = contextPIN()
                return candidate
            }
            let signature = try PKCS11Engine.shared.withCallbacks(engine, request) { _ throws(HardwareKeyError) in
                try sign(message, contextLoginAttempted: { request.wasAsked })
            }
            if let candidate { contextPINCache = candidate }
            return signature
        }
    }

    private func sign(_ message: [UInt8], contextLoginAttempted: () -> Bool) throws(HardwareKeyError) -> [UInt8] {
        guard let context = EVP_MD_CTX_new() else { throw HardwareKeyError.signingFailed("cannot allocate a digest context") }
        defer { EVP_MD_CTX_free(context) }
        guard EVP_DigestSignInit(context, nil, EVP_sha256(), nil, pointer) == 1 else {
            throw HardwareKeyError.signingFailed(HardwareErrorQueue.summary(HardwareErrorQueue.drain()))
        }
        if case .rsa = kind {
            guard let keyContext = EVP_MD_CTX_get_pkey_ctx(context),
                  EVP_PKEY_CTX_set_rsa_padding(keyContext, RSA_PKCS1_PADDING) == 1 else {
                throw HardwareKeyError.signingFailed("cannot select RSA PKCS#1 v1.5 padding")
            }
        }
        // Sized once from the key; see notes/toolchain.md on the two-call idiom and hardware keys.
        var length = Int(EVP_PKEY_get_size(pointer))
        guard length > 0 else { throw HardwareKeyError.signingFailed("cannot size the signature") }
        var signature = [UInt8](repeating: 0, count: length)
        let ok = withNonNullBytes(message) { base, count in EVP_DigestSign(context, &signature, &length, base, count) }
        guard ok == 1 else {
            let entries = HardwareErrorQueue.drain()
            if contextLoginAttempted() { throw HardwareKeyError.contextLoginFailed }
            throw HardwareKeyError.signingFailed(HardwareErrorQueue.summary(entries))
        }
        let produced = Array(signature.prefix(length))
        if case .ec = kind { return ECDSASignature.derEncoded(produced) }
        return produced
    }

    /// Never prints key material or PINs.
    public var description: String { "PKCS11PrivateKey(\(kind), \(uri))" }
}
