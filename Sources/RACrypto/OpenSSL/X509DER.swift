internal import COpenSSL

/// DER encoding of an `X509` that OpenSSL produced (chains, PKCS#12 contents, fresh certificates).
enum X509DER {
    static func encode(_ x509: OpaquePointer) throws -> [UInt8] {
        var out: UnsafeMutablePointer<UInt8>?
        let length = i2d_X509(x509, &out)
        guard length > 0, let out else { throw OpenSSLErrorQueue.failure("cannot encode a certificate") }
        defer { ra_openssl_free(out) }
        return Array(UnsafeBufferPointer(start: out, count: Int(length)))
    }
}
