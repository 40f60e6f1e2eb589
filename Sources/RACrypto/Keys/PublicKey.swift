internal import COpenSSL

/// A public key, as taken from a certificate or SPKI. Verifies SigV4-X509 request signatures.
///
/// `@unchecked Sendable`: the wrapped `EVP_PKEY` is never mutated after `init`, and OpenSSL 3
/// allows concurrent verification with one key from several threads; `deinit` frees it once.
public final class PublicKey: @unchecked Sendable, Hashable, CustomStringConvertible {
    let pointer: OpaquePointer
    public let kind: PublicKeyKind
    /// DER SubjectPublicKeyInfo; the stable identity of the key (two keys are equal when these match).
    public let derSPKI: [UInt8]

    /// Takes ownership of `key` (one reference).
    init(owning key: OpaquePointer) {
        pointer = key
        kind = EVPKey.kind(of: key)
        derSPKI = EVPKey.spki(of: key)
    }

    deinit { EVP_PKEY_free(pointer) }

    /// Reads a DER SubjectPublicKeyInfo.
    public convenience init(derSPKI: [UInt8]) throws {
        var cursor: UnsafePointer<UInt8>?
        let key: OpaquePointer? = derSPKI.withUnsafeBufferPointer { buffer in
            cursor = buffer.baseAddress
            return d2i_PUBKEY(nil, &cursor, buffer.count)
        }
        guard let key else { throw OpenSSLErrorQueue.malformed("not a DER SubjectPublicKeyInfo") }
        self.init(owning: key)
    }

    /// Checks a signature as SigV4-X509 defines it: RSA PKCS#1 v1.5 with SHA-256, or ECDSA with
    /// SHA-256 (DER `ECDSA-Sig-Value`) on any curve. Garbage in gives false, never a crash.
    public func isValidSignature(_ signature: [UInt8], for message: [UInt8]) -> Bool {
        guard !signature.isEmpty, let context = EVP_MD_CTX_new() else { return false }
        defer {
            EVP_MD_CTX_free(context)
            OpenSSLErrorQueue.drain()
        }
        guard EVP_DigestVerifyInit(context, nil, EVPKey.signingDigest(for: pointer), nil, pointer) == 1 else {
            return false
        }
        if case .rsa = kind {
            guard let keyContext = EVP_MD_CTX_get_pkey_ctx(context),
                  EVP_PKEY_CTX_set_rsa_padding(keyContext, RSA_PKCS1_PADDING) == 1 else { return false }
        }
        let result = signature.withUnsafeBufferPointer { sig in
            withNonNullBytes(message) { base, count in
                EVP_DigestVerify(context, sig.baseAddress, sig.count, base, count)
            }
        }
        return result == 1
    }

    public static func == (lhs: PublicKey, rhs: PublicKey) -> Bool { lhs.derSPKI == rhs.derSPKI }
    public func hash(into hasher: inout Hasher) { hasher.combine(derSPKI) }
    public var description: String { "PublicKey(\(kind))" }
}
