internal import COpenSSL

/// Offered for callers that need a 512-bit digest.
public enum SHA512 {
    /// The digest of `data`.
    public static func hash<D: Collection<UInt8>>(_ data: D) -> [UInt8] {
        OneShotDigest.compute(data, md: EVP_sha512())
    }
}
