internal import COpenSSL

/// Facts about an `EVP_PKEY` shared by public and private keys.
enum EVPKey {
    static func kind(of key: OpaquePointer) -> PublicKeyKind {
        switch EVP_PKEY_get_base_id(key) {
        case EVP_PKEY_RSA, EVP_PKEY_RSA2:
            return .rsa(bits: Int(EVP_PKEY_get_bits(key)))
        case EVP_PKEY_EC:
            var buffer = [CChar](repeating: 0, count: 80)
            var length = 0
            guard EVP_PKEY_get_group_name(key, &buffer, buffer.count, &length) == 1 else {
                OpenSSLErrorQueue.drain()
                return .ec(curve: "unknown")
            }
            let name = String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
            return .ec(curve: nistCurveName(name))
        default:
            if let name = EVP_PKEY_get0_type_name(key) { return .other(String(cString: name)) }
            return .other("unknown")
        }
    }

    /// OpenSSL reports the SEC/X9.62 names; the NIST names are what operators and AWS docs use.
    static func nistCurveName(_ name: String) -> String {
        switch name {
        case "prime256v1", "secp256r1", "P-256": "P-256"
        case "secp384r1", "P-384": "P-384"
        case "secp521r1", "P-521": "P-521"
        default: name
        }
    }

    /// The digest used for SigV4-X509 signatures: SHA-256 for RSA and every EC curve; keys that
    /// hash internally (Ed25519, Ed448) take none.
    static func signingDigest(for key: OpaquePointer) -> OpaquePointer? {
        switch EVP_PKEY_get_base_id(key) {
        case EVP_PKEY_RSA, EVP_PKEY_RSA2, EVP_PKEY_EC: EVP_sha256()
        default: nil
        }
    }

    /// DER SubjectPublicKeyInfo.
    static func spki(of key: OpaquePointer) -> [UInt8] {
        var out: UnsafeMutablePointer<UInt8>?
        let length = i2d_PUBKEY(key, &out)
        guard length > 0, let out else {
            OpenSSLErrorQueue.drain()
            return []
        }
        defer { ra_openssl_free(out) }
        return Array(UnsafeBufferPointer(start: out, count: Int(length)))
    }
}
