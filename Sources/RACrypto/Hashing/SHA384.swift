internal import COpenSSL

/// Offered for callers that fingerprint or sign with the next size up.
public enum SHA384 {
    /// The digest of `data`.
    public static func hash<D: Collection<UInt8>>(_ data: D) -> [UInt8] {
        OneShotDigest.compute(data, md: EVP_sha384())
    }
}
