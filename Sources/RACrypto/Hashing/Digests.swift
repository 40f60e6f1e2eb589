internal import COpenSSL

/// One-shot digest through OpenSSL's EVP interface; the public enums below only pick the algorithm.
enum OneShotDigest {
    static func compute<D: Collection<UInt8>>(_ data: D, md: OpaquePointer?) -> [UInt8] {
        let bytes = data.withContiguousStorageIfAvailable { Array($0) } ?? Array(data)
        var out = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let ok = withNonNullBytes(bytes) { base, count in
            EVP_Digest(base, count, &out, &length, md, nil)
        }
        // Hashing in memory fails only if OpenSSL cannot allocate; there is nothing to recover.
        guard ok == 1 else { fatalError("OpenSSL digest failed: \(OpenSSLErrorQueue.drain() ?? "unknown")") }
        return Array(out.prefix(Int(length)))
    }
}
