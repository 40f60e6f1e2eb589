internal import COpenSSL

/// SigV4 derives its signing keys with a chain of HMAC-SHA256 calls.
public enum HMAC {
    /// HMAC-SHA256 of `data` under `key`.
    public static func sha256(key: [UInt8], data: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let result = withNonNullBytes(key) { keyBase, keyCount in
            withNonNullBytes(data) { dataBase, dataCount in
                COpenSSL.HMAC(EVP_sha256(), keyBase, Int32(keyCount), dataBase, dataCount, &out, &length)
            }
        }
        // Fails only on allocation failure inside OpenSSL.
        guard result != nil else { fatalError("OpenSSL HMAC failed: \(OpenSSLErrorQueue.drain() ?? "unknown")") }
        return Array(out.prefix(Int(length)))
    }
}
