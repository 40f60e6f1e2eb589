internal import COpenSSL

/// SigV4 hashes payloads and canonical requests with it; it also fingerprints certificates.
public enum SHA256 {
    /// The digest of `data`.
    public static func hash<D: Collection<UInt8>>(_ data: D) -> [UInt8] {
        OneShotDigest.compute(data, md: EVP_sha256())
    }
}
