internal import COpenSSL

/// PKCS#12 (`.p12`/`.pfx`) files: the official helper accepts one in place of a certificate plus
/// key, and Windows-centric PKIs hand them out.
public enum PKCS12 {
    /// What a PKCS#12 file holds, as RACrypto values.
    public struct Contents: Sendable {
        public let privateKey: PrivateKey
        /// The certificate OpenSSL pairs with the key (the one whose public key matches).
        public let certificate: Certificate
        /// The remaining certificates, in file order.
        public let additionalCertificates: [Certificate]
    }

    /// Decrypts and splits a PKCS#12 file. The official helper only ever uses the empty password,
    /// hence the default. A bad MAC (wrong password) gives `.wrongPassword`.
    public static func parse(_ der: [UInt8], password: String = "") throws -> Contents {
        defer { OpenSSLErrorQueue.drain() }
        let parsed: OpaquePointer? = der.withUnsafeBufferPointer { buffer in
            var cursor = buffer.baseAddress
            return d2i_PKCS12(nil, &cursor, buffer.count)
        }
        guard let parsed else { throw OpenSSLErrorQueue.malformed("not a DER PKCS#12 file") }
        defer { PKCS12_free(parsed) }
        let passwordOK = password.withCString { PKCS12_verify_mac(parsed, $0, Int32(password.utf8.count)) == 1 }
            // Some writers encode the empty password as an absent one.
            || (password.isEmpty && PKCS12_verify_mac(parsed, nil, 0) == 1)
        guard passwordOK else { throw CryptoError.wrongPassword }
        var key: OpaquePointer?
        var leaf: OpaquePointer?
        var others: OpaquePointer?
        let ok = password.withCString { PKCS12_parse(parsed, $0, &key, &leaf, &others) }
        let otherStack = others.map { CertificateStack(adopting: $0) }
        let leafHandle = leaf.map { X509Handle(owning: $0) }
        guard ok == 1 else {
            if let key { EVP_PKEY_free(key) }
            throw OpenSSLErrorQueue.unsupported("PKCS#12 contents cannot be decrypted (unsupported algorithm?)")
        }
        guard let key else { throw CryptoError.malformed("PKCS#12 file holds no private key") }
        let privateKey = try PrivateKey(owning: key)
        guard let leafHandle else { throw CryptoError.malformed("PKCS#12 file has no certificate for its key") }
        let certificate = try Certificate(handle: leafHandle, der: try X509DER.encode(leafHandle.pointer))
        let additional = try (otherStack?.elements ?? []).map { try Certificate(der: try X509DER.encode($0)) }
        return Contents(privateKey: privateKey, certificate: certificate, additionalCertificates: additional)
    }

    /// Writes a PKCS#12 file. `legacy` selects PBE-SHA1-3DES and a SHA-1 MAC, the only algorithms
    /// Go's `x/crypto/pkcs12` (the official helper) reads; otherwise OpenSSL 3's defaults (PBES2,
    /// AES-256-CBC, SHA-256 MAC) apply.
    public static func export(key: PrivateKey, certificate: Certificate, chain: [Certificate] = [],
                              password: String = "", friendlyName: String? = nil, legacy: Bool = false) throws -> [UInt8] {
        let stack = try CertificateStack(chain)
        let algorithm = legacy ? NID_pbe_WithSHA1And3_Key_TripleDES_CBC : 0
        let created: OpaquePointer? = password.withCString { pass in
            withOptionalCString(friendlyName) { name in
                PKCS12_create(pass, name, key.pointer, certificate.handle.pointer, stack.pointer,
                              algorithm, algorithm, 0, 0, 0)
            }
        }
        guard let created else { throw OpenSSLErrorQueue.failure("cannot create the PKCS#12 file") }
        defer { PKCS12_free(created) }
        if legacy {
            let macOK = password.withCString {
                PKCS12_set_mac(created, $0, Int32(password.utf8.count), nil, 0, 2048, EVP_sha1())
            }
            guard macOK == 1 else { throw OpenSSLErrorQueue.failure("cannot set the PKCS#12 MAC") }
        }
        var out: UnsafeMutablePointer<UInt8>?
        let length = i2d_PKCS12(created, &out)
        guard length > 0, let out else { throw OpenSSLErrorQueue.failure("cannot encode the PKCS#12 file") }
        defer { ra_openssl_free(out) }
        return Array(UnsafeBufferPointer(start: out, count: Int(length)))
    }

    private static func withOptionalCString<R>(_ string: String?, _ body: (UnsafePointer<CChar>?) -> R) -> R {
        guard let string else { return body(nil) }
        return string.withCString { body($0) }
    }
}
