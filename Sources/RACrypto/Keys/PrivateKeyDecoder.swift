internal import COpenSSL

/// Hands the password to OpenSSL without ever prompting on a terminal: OpenSSL's default
/// callback would read from the TTY when given no callback. `userData` is a NUL-terminated
/// password or nil (no password available, which makes decryption fail).
private let passwordCallback: @convention(c) (UnsafeMutablePointer<CChar>?, Int32, Int32, UnsafeMutableRawPointer?) -> Int32 = {
    buffer, size, _, userData in
    guard let buffer, let userData else { return -1 }
    let password = userData.assumingMemoryBound(to: CChar.self)
    var length = 0
    while password[length] != 0 { length += 1 }
    guard length <= Int(size) else { return -1 }
    buffer.update(from: password, count: length)
    return Int32(length)
}

/// Turns PEM or DER key bytes into an `EVP_PKEY`.
enum PrivateKeyDecoder {
    static func decode(_ bytes: [UInt8], password: String?) throws -> OpaquePointer {
        defer { OpenSSLErrorQueue.drain() }
        if PEM.looksLikePEM(bytes) {
            return try decodePEM(bytes, password: password)
        }
        return try decodeDER(bytes, password: password)
    }

    private static func decodePEM(_ bytes: [UInt8], password: String?) throws -> OpaquePointer {
        let text = String(decoding: bytes, as: UTF8.self)
        let keyBlocks = PEM.blocks(in: text).filter { $0.label.hasSuffix("PRIVATE KEY") }
        guard let first = keyBlocks.first else {
            throw CryptoError.malformed("no PRIVATE KEY block in PEM input")
        }
        if first.label == "ENCRYPTED PRIVATE KEY" {
            return try decryptPKCS8(first.der, password: password)
        }
        // Traditional PEM may carry RFC 1421 encryption headers that the block splitter drops, so
        // let OpenSSL read the text itself; it skips non-key blocks.
        let legacyEncrypted = text.contains("Proc-Type: 4,ENCRYPTED")
        if legacyEncrypted && password == nil { throw CryptoError.passwordRequired }
        let bio = try MemoryBIO(copying: bytes)
        let key = withOptionalCString(password) { PEM_read_bio_PrivateKey(bio.pointer, nil, passwordCallback, $0) }
        guard let key else {
            if legacyEncrypted { OpenSSLErrorQueue.drain(); throw CryptoError.wrongPassword }
            throw OpenSSLErrorQueue.malformed("\(first.label) block cannot be decoded")
        }
        return key
    }

    private static func decodeDER(_ bytes: [UInt8], password: String?) throws -> OpaquePointer {
        guard !bytes.isEmpty else { throw CryptoError.malformed("empty private key input") }
        if isEncryptedPKCS8(bytes) {
            return try decryptPKCS8(bytes, password: password)
        }
        let key: OpaquePointer? = bytes.withUnsafeBufferPointer { buffer in
            var cursor = buffer.baseAddress
            return d2i_AutoPrivateKey(nil, &cursor, buffer.count)
        }
        guard let key else {
            throw OpenSSLErrorQueue.malformed("not a DER PKCS#1, SEC1 or PKCS#8 private key")
        }
        return key
    }

    /// An EncryptedPrivateKeyInfo parses as an `X509_SIG` (algorithm + octet string).
    private static func isEncryptedPKCS8(_ der: [UInt8]) -> Bool {
        let signature: OpaquePointer? = der.withUnsafeBufferPointer { buffer in
            var cursor = buffer.baseAddress
            return d2i_X509_SIG(nil, &cursor, buffer.count)
        }
        guard let signature else {
            OpenSSLErrorQueue.drain()
            return false
        }
        X509_SIG_free(signature)
        return true
    }

    private static func decryptPKCS8(_ der: [UInt8], password: String?) throws -> OpaquePointer {
        guard let password else { throw CryptoError.passwordRequired }
        let encrypted: OpaquePointer? = der.withUnsafeBufferPointer { buffer in
            var cursor = buffer.baseAddress
            return d2i_X509_SIG(nil, &cursor, buffer.count)
        }
        guard let encrypted else { throw OpenSSLErrorQueue.malformed("ENCRYPTED PRIVATE KEY is not valid DER") }
        defer { X509_SIG_free(encrypted) }
        let info: OpaquePointer? = password.withCString { chars in
            PKCS8_decrypt(encrypted, chars, Int32(password.utf8.count))
        }
        guard let info else {
            OpenSSLErrorQueue.drain()
            throw CryptoError.wrongPassword
        }
        defer { PKCS8_PRIV_KEY_INFO_free(info) }
        guard let key = EVP_PKCS82PKEY(info) else {
            throw OpenSSLErrorQueue.unsupported("decrypted PKCS#8 key cannot be loaded")
        }
        return key
    }

    private static func withOptionalCString<R>(_ string: String?, _ body: (UnsafeMutableRawPointer?) -> R) -> R {
        guard let string else { return body(nil) }
        var bytes = Array(string.utf8CString)
        return bytes.withUnsafeMutableBytes { body($0.baseAddress) }
    }
}
