internal import COpenSSL

/// Only for legacy identifiers such as subject key identifiers; never for signatures.
public enum SHA1 {
    /// The digest of `data`.
    public static func hash<D: Collection<UInt8>>(_ data: D) -> [UInt8] {
        OneShotDigest.compute(data, md: EVP_sha1())
    }
}
