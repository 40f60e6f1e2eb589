import Foundation
internal import COpenSSL

/// A key held by a TPM 2.0, used through the tpm2-openssl provider.
///
/// Nothing stays loaded between signatures: each one opens the provider, loads the key (a key file
/// under its parent, or the persistent handle), signs, and frees the key, which flushes its
/// transient object. A simulator or a TPM without a resource manager has only three transient
/// slots, and a long-running `serve` must not pin one.
///
/// `@unchecked Sendable`: every stored property is immutable, and TPM access is serialised by
/// `TPMProviderContext.lock`.
public final class TPMKey: @unchecked Sendable, CustomStringConvertible {
    public let reference: TPMKeyReference
    public let publicKey: PublicKey
    public var kind: PublicKeyKind { publicKey.kind }
    /// The key's authorization value; nil for a key without one.
    private let password: String?

    /// Loads the key once to read its public half. The password is only checked by the TPM when
    /// signing, so a wrong one surfaces from `signature(for:)` as `HardwareKeyError.wrongPassword`.
    public init(_ reference: TPMKeyReference, password: String?) throws(HardwareKeyError) {
        self.reference = reference
        self.password = password
        let spki = try Self.withLoadedKey(reference, password: password) { key, _ throws(HardwareKeyError) in
            let der = EVPKey.spki(of: key)
            guard !der.isEmpty else { throw HardwareKeyError.tpm("the TPM key's public part cannot be read") }
            return der
        }
        do {
            publicKey = try PublicKey(derSPKI: spki)
        } catch {
            throw HardwareKeyError.unsupported("unsupported TPMv2 key type")
        }
    }

    /// True when `certificate` carries this key's public half.
    public func matches(_ certificate: Certificate) -> Bool { publicKey == certificate.publicKey }

    /// Signs as SigV4-X509 requires: RSASSA-PKCS1-v1_5 or ECDSA over SHA-256, ECDSA as DER.
    public func signature(for message: [UInt8]) throws(HardwareKeyError) -> [UInt8] {
        let kind = self.kind
        return try Self.withLoadedKey(reference, password: password) { key, libraryContext throws(HardwareKeyError) in
            guard let context = EVP_MD_CTX_new() else { throw HardwareKeyError.signingFailed("cannot allocate a digest context") }
            defer { EVP_MD_CTX_free(context) }
            guard EVP_DigestSignInit_ex(context, nil, "SHA256", libraryContext, nil, key, nil) == 1 else {
                throw Self.failure(HardwareErrorQueue.drain())
            }
            // Sized once: the size-query call first breaks signatures with the TPM provider.
            var length = Int(EVP_PKEY_get_size(key))
            guard length > 0 else { throw HardwareKeyError.signingFailed("cannot size the signature") }
            var signature = [UInt8](repeating: 0, count: length)
            let ok = withNonNullBytes(message) { base, count in EVP_DigestSign(context, &signature, &length, base, count) }
            guard ok == 1 else { throw Self.failure(HardwareErrorQueue.drain()) }
            let produced = Array(signature.prefix(length))
            if case .ec = kind { return ECDSASignature.derEncoded(produced) }
            return produced
        }
    }

    public var description: String { "TPMKey(\(kind), \(reference))" }

    /// Opens the provider, loads the key, runs `body`, then frees the key (flushing it from the
    /// TPM) and the provider, in that order, whatever `body` does.
    private static func withLoadedKey<R>(_ reference: TPMKeyReference, password: String?,
                                         _ body: (OpaquePointer, OpaquePointer) throws(HardwareKeyError) -> R) throws(HardwareKeyError) -> R {
        TPMProviderContext.lock.lock()
        defer { TPMProviderContext.lock.unlock() }
        let provider = try TPMProviderContext()
        let request = SecretRequest { password ?? "" }
        let key = try request.withCallbackData { (data: UnsafeMutableRawPointer) throws(HardwareKeyError) -> OpaquePointer in
            try load(reference.storeURI(withPassword: password != nil), provider.libraryContext, data)
        }
        defer { EVP_PKEY_free(key) }
        return try withExtendedLifetime(provider) { () throws(HardwareKeyError) -> R in
            try body(key, provider.libraryContext)
        }
    }

    private static func load(_ uri: String, _ libraryContext: OpaquePointer,
                             _ callbackData: UnsafeMutableRawPointer) throws(HardwareKeyError) -> OpaquePointer {
        _ = HardwareErrorQueue.drain()
        guard let store = OSSL_STORE_open_ex(uri, libraryContext, "?provider=tpm2", SecretRequest.method, callbackData,
                                             nil, nil, nil) else {
            throw failure(HardwareErrorQueue.drain(), loading: true)
        }
        defer { OSSL_STORE_close(store) }
        while OSSL_STORE_eof(store) == 0 {
            guard let info = OSSL_STORE_load(store) else { break }
            defer { OSSL_STORE_INFO_free(info) }
            if OSSL_STORE_INFO_get_type(info) == OSSL_STORE_INFO_PKEY, let key = OSSL_STORE_INFO_get1_PKEY(info) {
                _ = HardwareErrorQueue.drain()
                return key
            }
        }
        throw failure(HardwareErrorQueue.drain(), loading: true)
    }

    /// Classifies the provider's errors. It puts the TSS return code first in the error data
    /// (`"2446 tpm:session(1):the authorization HMAC check failed ..."`).
    private static func failure(_ entries: [HardwareErrorQueue.Entry], loading: Bool = false) -> HardwareKeyError {
        for entry in entries {
            guard let code = entry.data.split(separator: " ").first.flatMap({ UInt32($0) }) else { continue }
            if TPMResponseCode(code).isAuthorizationFailure { return .wrongPassword }
            let explanation = entry.data.split(separator: " ", maxSplits: 1).dropFirst().first.map(String.init) ?? entry.reason
            let what = loading ? "unable to load the TPM key" : "TPM signing failed"
            return .tpm("\(what) (0x\(String(code, radix: 16)): \(explanation))")
        }
        if let missing = entries.first(where: { $0.library == "system library" }) {
            return .tpm("unable to read the TPM key (\(missing.reason))")
        }
        let what = loading ? "unable to load the TPM key" : "TPM signing failed"
        return .tpm("\(what) (\(HardwareErrorQueue.summary(entries)))")
    }
}

/// A TPM 2.0 response code, enough to recognise a rejected authorization value.
struct TPMResponseCode {
    let value: UInt32
    init(_ value: UInt32) { self.value = value }

    /// `TPM_RC_AUTH_FAIL` (counts towards dictionary-attack lockout) or `TPM_RC_BAD_AUTH` (for
    /// `noDA` objects), with any handle/session/parameter number in the upper bits.
    var isAuthorizationFailure: Bool {
        let formatOne = value & 0x80 != 0
        let number = value & 0x3F
        return formatOne && (number == 0x0E || number == 0x22)
    }
}
