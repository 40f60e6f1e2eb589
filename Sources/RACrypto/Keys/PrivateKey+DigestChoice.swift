internal import COpenSSL

// For the signing helper's `sign-string --digest`, which signs its test message with SHA-384 or
// SHA-512 as well; SigV4-X509 itself always uses SHA-256 (`PrivateKey.signature(for:)`). Both go
// through `PrivateKey.sign(_:messageDigest:)`.

extension PrivateKey {
    /// Hashes `message` with `digest` and signs the hash: RSA PKCS#1 v1.5 or DER ECDSA, as Go's
    /// `crypto.Signer` does for the official helper's `sign-string`.
    /// - Throws: `CryptoError.unsupported` for digests other than SHA-1/224/256/384/512.
    public func signature(for message: [UInt8], digest: DigestAlgorithm) throws -> [UInt8] {
        guard let messageDigest = Self.messageDigest(digest) else {
            throw CryptoError.unsupported("digest \(digest.rawValue) cannot be used for signing")
        }
        return try sign(message, messageDigest: messageDigest)
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
