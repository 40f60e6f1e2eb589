internal import COpenSSL

// Added for the signing helper's `sign-string --digest`, which signs its test message with SHA-384 or
// SHA-512 as well; SigV4-X509 itself always uses SHA-256 (`PrivateKey.signature(for:)`). Kept in a file
// of its own so the request-signing path stays untouched.

extension PrivateKey {
    /// Hashes `message` with `digest` and signs the hash: RSA PKCS#1 v1.5 or DER ECDSA, as Go's
    /// `crypto.Signer` does for the official helper's `sign-string`.
    /// - Throws: `CryptoError.unsupported` for digests other than SHA-1/224/256/384/512.
    public func signature(for message: [UInt8], digest: DigestAlgorithm) throws -> [UInt8] {
        guard let messageDigest = Self.messageDigest(digest) else {
            throw CryptoError.unsupported("digest \(digest.rawValue) cannot be used for signing")
        }
        guard let context = EVP_MD_CTX_new() else { throw OpenSSLErrorQueue.failure("cannot allocate a digest context") }
        defer { EVP_MD_CTX_free(context) }
        guard EVP_DigestSignInit(context, nil, messageDigest, nil, pointer) == 1 else {
            throw OpenSSLErrorQueue.failure("cannot start signing with a \(kind) key and \(digest.rawValue)")
        }
        if case .rsa = kind {
            guard let keyContext = EVP_MD_CTX_get_pkey_ctx(context),
                  EVP_PKEY_CTX_set_rsa_padding(keyContext, RSA_PKCS1_PADDING) == 1 else {
                throw OpenSSLErrorQueue.failure("cannot select RSA PKCS#1 v1.5 padding")
            }
        }
        var length = Int(EVP_PKEY_get_size(pointer))
        guard length > 0 else { throw OpenSSLErrorQueue.failure("cannot size a \(kind) signature") }
        var signature = [UInt8](repeating: 0, count: length)
        let ok = withNonNullBytes(message) { base, count in
            EVP_DigestSign(context, &signature, &length, base, count)
        }
        guard ok == 1 else { throw OpenSSLErrorQueue.failure("signing with a \(kind) key failed") }
        return Array(signature.prefix(length))
    }

    private static func messageDigest(_ digest: DigestAlgorithm) -> OpaquePointer? {
        switch digest {
        case .sha1: EVP_sha1()
        case .sha224: EVP_sha224()
        case .sha256: EVP_sha256()
        case .sha384: EVP_sha384()
        case .sha512: EVP_sha512()
        case .md5, .other: nil
        }
    }
}

extension PublicKey {
    /// The key without its SubjectPublicKeyInfo wrapper: the X9.62 point (uncompressed, `04||X||Y`,
    /// unless the key was made compressed) for EC keys, the PKCS#1 `RSAPublicKey` DER for RSA keys.
    /// The official helper's `sign-string` hashes exactly these bytes into its test message.
    /// Nil for key types OpenSSL has no bare encoding for.
    public var bareEncoding: [UInt8]? {
        var out: UnsafeMutablePointer<UInt8>?
        let length = i2d_PublicKey(pointer, &out)
        guard length > 0, let out else {
            OpenSSLErrorQueue.drain()
            return nil
        }
        defer { ra_openssl_free(out) }
        return Array(UnsafeBufferPointer(start: out, count: Int(length)))
    }
}
