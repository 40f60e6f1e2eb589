internal import COpenSSL

/// AES-256-GCM for secrets the server keeps at rest (CA keys, signing secrets). The sealed form is
/// self-contained: `nonce (12) || ciphertext || tag (16)`, with a fresh random nonce each time.
public enum AESGCM {
    public static let keySize = 32
    public static let nonceSize = 12
    public static let tagSize = 16

    /// Encrypts and authenticates `plaintext`, also authenticating (not encrypting) `associatedData`.
    public static func seal(_ plaintext: [UInt8], key: [UInt8], associatedData: [UInt8]) throws -> [UInt8] {
        guard key.count == keySize else { throw CryptoError.malformed("AES-256-GCM key must be \(keySize) bytes, got \(key.count)") }
        let nonce = SecureRandom.bytes(nonceSize)
        let context = try CipherContext()
        guard EVP_EncryptInit_ex(context.pointer, EVP_aes_256_gcm(), nil, nil, nil) == 1,
              EVP_CIPHER_CTX_ctrl(context.pointer, ra_EVP_CTRL_GCM_SET_IVLEN(), Int32(nonceSize), nil) == 1,
              EVP_EncryptInit_ex(context.pointer, nil, nil, key, nonce) == 1 else {
            throw OpenSSLErrorQueue.failure("cannot start AES-256-GCM encryption")
        }
        var length: Int32 = 0
        if !associatedData.isEmpty {
            guard EVP_EncryptUpdate(context.pointer, nil, &length, associatedData, Int32(associatedData.count)) == 1 else {
                throw OpenSSLErrorQueue.failure("cannot authenticate associated data")
            }
        }
        var ciphertext = [UInt8](repeating: 0, count: plaintext.count + 16)
        var produced: Int32 = 0
        if !plaintext.isEmpty {
            guard EVP_EncryptUpdate(context.pointer, &ciphertext, &produced, plaintext, Int32(plaintext.count)) == 1 else {
                throw OpenSSLErrorQueue.failure("AES-256-GCM encryption failed")
            }
        }
        let finished = ciphertext.withUnsafeMutableBufferPointer { buffer in
            EVP_EncryptFinal_ex(context.pointer, buffer.baseAddress.map { $0 + Int(produced) }, &length)
        }
        guard finished == 1 else { throw OpenSSLErrorQueue.failure("AES-256-GCM encryption failed") }
        produced += length
        var tag = [UInt8](repeating: 0, count: tagSize)
        guard EVP_CIPHER_CTX_ctrl(context.pointer, ra_EVP_CTRL_GCM_GET_TAG(), Int32(tagSize), &tag) == 1 else {
            throw OpenSSLErrorQueue.failure("cannot read the GCM tag")
        }
        return nonce + ciphertext.prefix(Int(produced)) + tag
    }

    /// Verifies and decrypts what `seal` produced; any change to the sealed bytes, the key or the
    /// associated data yields `CryptoError.authenticationFailed`.
    public static func open(_ sealed: [UInt8], key: [UInt8], associatedData: [UInt8]) throws -> [UInt8] {
        guard key.count == keySize else { throw CryptoError.malformed("AES-256-GCM key must be \(keySize) bytes, got \(key.count)") }
        guard sealed.count >= nonceSize + tagSize else { throw CryptoError.malformed("sealed box is too short") }
        let nonce = Array(sealed.prefix(nonceSize))
        let ciphertext = Array(sealed[nonceSize..<(sealed.count - tagSize)])
        var tag = Array(sealed.suffix(tagSize))
        let context = try CipherContext()
        guard EVP_DecryptInit_ex(context.pointer, EVP_aes_256_gcm(), nil, nil, nil) == 1,
              EVP_CIPHER_CTX_ctrl(context.pointer, ra_EVP_CTRL_GCM_SET_IVLEN(), Int32(nonceSize), nil) == 1,
              EVP_DecryptInit_ex(context.pointer, nil, nil, key, nonce) == 1 else {
            throw OpenSSLErrorQueue.failure("cannot start AES-256-GCM decryption")
        }
        var length: Int32 = 0
        if !associatedData.isEmpty {
            guard EVP_DecryptUpdate(context.pointer, nil, &length, associatedData, Int32(associatedData.count)) == 1 else {
                throw OpenSSLErrorQueue.failure("cannot authenticate associated data")
            }
        }
        var plaintext = [UInt8](repeating: 0, count: ciphertext.count + 16)
        var produced: Int32 = 0
        if !ciphertext.isEmpty {
            guard EVP_DecryptUpdate(context.pointer, &plaintext, &produced, ciphertext, Int32(ciphertext.count)) == 1 else {
                throw OpenSSLErrorQueue.failure("AES-256-GCM decryption failed")
            }
        }
        guard EVP_CIPHER_CTX_ctrl(context.pointer, ra_EVP_CTRL_GCM_SET_TAG(), Int32(tagSize), &tag) == 1 else {
            throw OpenSSLErrorQueue.failure("cannot set the GCM tag")
        }
        let finished = plaintext.withUnsafeMutableBufferPointer { buffer in
            EVP_DecryptFinal_ex(context.pointer, buffer.baseAddress.map { $0 + Int(produced) }, &length)
        }
        guard finished == 1 else {
            OpenSSLErrorQueue.drain()
            throw CryptoError.authenticationFailed
        }
        produced += length
        return Array(plaintext.prefix(Int(produced)))
    }
}
