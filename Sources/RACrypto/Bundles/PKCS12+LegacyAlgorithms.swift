internal import COpenSSL

// Added for the signing helper: PKCS#12 files written by OpenSSL 1.x, Windows and Java encrypt their
// certificates with RC2-40, which OpenSSL 3 reads only through its "legacy" provider. Go's
// x/crypto/pkcs12 (the official helper) reads them, so a drop-in must too. Kept apart from
// `PKCS12.parse` so the legacy provider is loaded only when such a file actually appears.

extension PKCS12 {
    /// `parse`, retried with OpenSSL's legacy algorithms (RC2, RC4, DES, ...) available when the
    /// file uses them. The legacy provider is loaded into the process once, next to the default one.
    public static func parseAllowingLegacyAlgorithms(_ der: [UInt8], password: String = "") throws -> Contents {
        do {
            return try parse(der, password: password)
        } catch CryptoError.unsupported(let reason) {
            guard LegacyProviders.loaded else {
                throw CryptoError.unsupported("\(reason); OpenSSL's legacy provider is not available")
            }
            return try parse(der, password: password)
        }
    }
}

/// The default and legacy providers, loaded once and kept for the life of the process (unloading
/// them while other threads use the library context would be unsafe).
private enum LegacyProviders {
    /// Loading "legacy" explicitly would otherwise leave "default" unloaded if it was not active yet.
    static let loaded: Bool = {
        defer { OpenSSLErrorQueue.drain() }
        return OSSL_PROVIDER_load(nil, "default") != nil && OSSL_PROVIDER_load(nil, "legacy") != nil
    }()
}
