import Foundation
internal import COpenSSL

/// A private key held in process memory: the workload's signing key in the helper, and the
/// built-in CA's key on the server.
///
/// `@unchecked Sendable`: the wrapped `EVP_PKEY` is never mutated after `init`; every signature
/// uses its own `EVP_MD_CTX`, which OpenSSL 3 allows concurrently on one key; `deinit` frees it once.
public final class PrivateKey: @unchecked Sendable, CustomStringConvertible {
    /// The key types RACrypto generates; raw values are the spellings used on command lines.
    public enum KeyType: String, CaseIterable, Sendable {
        case ecP256 = "ec-p256", ecP384 = "ec-p384", ecP521 = "ec-p521"
        case rsa2048 = "rsa-2048", rsa3072 = "rsa-3072", rsa4096 = "rsa-4096"
    }

    let pointer: OpaquePointer
    /// The matching public key, held as a separate object so sharing it never shares the secret.
    public let publicKey: PublicKey
    public var kind: PublicKeyKind { publicKey.kind }

    /// Takes ownership of `key` (one reference).
    init(owning key: OpaquePointer) throws {
        pointer = key
        publicKey = try PublicKey(derSPKI: EVPKey.spki(of: key))
    }

    deinit { EVP_PKEY_free(pointer) }

    /// A fresh key from OpenSSL's default CSPRNG.
    public static func generate(_ type: KeyType) throws -> PrivateKey {
        let key: OpaquePointer? = switch type {
        case .ecP256: ra_EVP_EC_gen("P-256")
        case .ecP384: ra_EVP_EC_gen("P-384")
        case .ecP521: ra_EVP_EC_gen("P-521")
        case .rsa2048: ra_EVP_RSA_gen(2048)
        case .rsa3072: ra_EVP_RSA_gen(3072)
        case .rsa4096: ra_EVP_RSA_gen(4096)
        }
        guard let key else { throw OpenSSLErrorQueue.failure("cannot generate a \(type.rawValue) key") }
        return try PrivateKey(owning: key)
    }

    /// Loads a key the way the official helper accepts one: PEM or DER of PKCS#1 (`RSA PRIVATE KEY`),
    /// SEC1 (`EC PRIVATE KEY`), PKCS#8 (`PRIVATE KEY`) or encrypted PKCS#8 (`ENCRYPTED PRIVATE KEY`,
    /// needs `password`). In a PEM holding certificates and a key, the first key block is used.
    public convenience init(pemOrDER: [UInt8], password: String? = nil) throws {
        let key = try PrivateKeyDecoder.decode(pemOrDER, password: password)
        try self.init(owning: key)
    }

    /// Signs as SigV4-X509 requires: RSA PKCS#1 v1.5 with SHA-256, or ECDSA with SHA-256 giving a
    /// DER `ECDSA-Sig-Value`, whatever the curve.
    public func signature(for message: [UInt8]) throws -> [UInt8] {
        try sign(message, messageDigest: EVPKey.signingDigest(for: pointer))
    }

    /// Hashes with `messageDigest` and signs: RSA PKCS#1 v1.5 or DER ECDSA. The one signing path of
    /// this key, shared by the SigV4-X509 signature and `sign-string`'s other digests.
    func sign(_ message: [UInt8], messageDigest: OpaquePointer?) throws -> [UInt8] {
        guard let context = EVP_MD_CTX_new() else { throw OpenSSLErrorQueue.failure("cannot allocate a digest context") }
        defer { EVP_MD_CTX_free(context) }
        guard EVP_DigestSignInit(context, nil, messageDigest, nil, pointer) == 1 else {
            throw OpenSSLErrorQueue.failure("cannot start signing with a \(kind) key")
        }
        if case .rsa = kind {
            guard let keyContext = EVP_MD_CTX_get_pkey_ctx(context),
                  EVP_PKEY_CTX_set_rsa_padding(keyContext, RSA_PKCS1_PADDING) == 1 else {
                throw OpenSSLErrorQueue.failure("cannot select RSA PKCS#1 v1.5 padding")
            }
        }
        // One call with a maximum-size buffer; the size-query-first idiom misbehaves with some
        // hardware-backed providers (see notes/toolchain.md).
        var length = Int(EVP_PKEY_get_size(pointer))
        guard length > 0 else { throw OpenSSLErrorQueue.failure("cannot size a \(kind) signature") }
        var signature = [UInt8](repeating: 0, count: length)
        let ok = withNonNullBytes(message) { base, count in
            EVP_DigestSign(context, &signature, &length, base, count)
        }
        guard ok == 1 else { throw OpenSSLErrorQueue.failure("signing with a \(kind) key failed") }
        return Array(signature.prefix(length))
    }

    /// Unencrypted PKCS#8 PEM (`PRIVATE KEY`).
    public func pkcs8PEM() throws -> String {
        let bio = try MemoryBIO()
        guard PEM_write_bio_PKCS8PrivateKey(bio.pointer, pointer, nil, nil, 0, nil, nil) == 1 else {
            throw OpenSSLErrorQueue.failure("cannot encode the key as PKCS#8")
        }
        return bio.string
    }

    /// Encrypted PKCS#8 PEM (`ENCRYPTED PRIVATE KEY`): PBES2 with PBKDF2-HMAC-SHA256 and AES-256-CBC.
    public func pkcs8PEM(password: String) throws -> String {
        let bio = try MemoryBIO()
        let passwordBytes = Array(password.utf8)
        let ok = passwordBytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                PEM_write_bio_PKCS8PrivateKey(bio.pointer, pointer, EVP_aes_256_cbc(),
                                              chars.baseAddress, Int32(chars.count), nil, nil)
            }
        }
        guard ok == 1 else { throw OpenSSLErrorQueue.failure("cannot encrypt the key as PKCS#8") }
        return bio.string
    }

    /// Unencrypted PKCS#8 DER.
    public func pkcs8DER() throws -> [UInt8] {
        let bio = try MemoryBIO()
        guard i2d_PKCS8PrivateKey_bio(bio.pointer, pointer, nil, nil, 0, nil, nil) == 1 else {
            throw OpenSSLErrorQueue.failure("cannot encode the key as PKCS#8 DER")
        }
        return bio.contents
    }

    /// The algorithm-specific PEM: PKCS#1 `RSA PRIVATE KEY` or SEC1 `EC PRIVATE KEY`. Older tools
    /// and the helper's test fixtures use these.
    public func traditionalPEM() throws -> String {
        let bio = try MemoryBIO()
        guard PEM_write_bio_PrivateKey_traditional(bio.pointer, pointer, nil, nil, 0, nil, nil) == 1 else {
            throw OpenSSLErrorQueue.failure("cannot encode the key in its traditional form")
        }
        return bio.string
    }

    /// The algorithm-specific DER: PKCS#1 for RSA, SEC1 for EC.
    public func traditionalDER() throws -> [UInt8] {
        var out: UnsafeMutablePointer<UInt8>?
        let length = i2d_PrivateKey(pointer, &out)
        guard length > 0, let out else { throw OpenSSLErrorQueue.failure("cannot encode the key in its traditional form") }
        defer { ra_openssl_free(out) }
        return Array(UnsafeBufferPointer(start: out, count: Int(length)))
    }

    /// True when `certificate` carries this key's public half, i.e. the pair belongs together.
    public func matches(_ certificate: Certificate) -> Bool {
        let result = EVP_PKEY_eq(pointer, certificate.publicKey.pointer)
        OpenSSLErrorQueue.drain()
        return result == 1
    }

    /// Never prints key material.
    public var description: String { "PrivateKey(\(kind))" }
}
