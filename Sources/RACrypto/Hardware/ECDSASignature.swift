internal import COpenSSL

/// ECDSA signatures come in two shapes: the DER `ECDSA-Sig-Value` SEQUENCE that SigV4-X509 (and
/// X.509 generally) uses, and the raw fixed-width `r || s` that PKCS#11's `CKM_ECDSA` and some TPM
/// interfaces return. Roles Anywhere only accepts DER.
public enum ECDSASignature {
    /// Returns `signature` as DER: unchanged when it already is a DER `ECDSA-Sig-Value`, otherwise
    /// read as raw `r || s` (two equal halves) and re-encoded. Input that is neither comes back
    /// unchanged, so the verifier, not this function, reports it.
    public static func derEncoded(_ signature: [UInt8]) -> [UInt8] {
        if isDER(signature) { return signature }
        return fromRaw(signature) ?? signature
    }

    /// True when `bytes` is exactly one DER `ECDSA-Sig-Value` (re-encoding gives the same bytes).
    public static func isDER(_ bytes: [UInt8]) -> Bool {
        guard let first = bytes.first, first == 0x30 else { return false }
        let parsed: OpaquePointer? = bytes.withUnsafeBufferPointer { buffer in
            var cursor = buffer.baseAddress
            return d2i_ECDSA_SIG(nil, &cursor, buffer.count)
        }
        guard let parsed else {
            OpenSSLErrorQueue.drain()
            return false
        }
        defer { ECDSA_SIG_free(parsed) }
        return encode(parsed) == bytes
    }

    /// Re-encodes raw `r || s` as DER; nil when the input cannot be split into two halves.
    public static func fromRaw(_ raw: [UInt8]) -> [UInt8]? {
        guard !raw.isEmpty, raw.count % 2 == 0, let signature = ECDSA_SIG_new() else { return nil }
        defer { ECDSA_SIG_free(signature) }
        let half = raw.count / 2
        let r = raw.withUnsafeBufferPointer { BN_bin2bn($0.baseAddress, Int32(half), nil) }
        let s = raw.withUnsafeBufferPointer { BN_bin2bn($0.baseAddress.map { $0 + half }, Int32(half), nil) }
        guard let r, let s else {
            BN_free(r)
            BN_free(s)
            return nil
        }
        guard ECDSA_SIG_set0(signature, r, s) == 1 else {
            BN_free(r)
            BN_free(s)
            return nil
        }
        return encode(signature)
    }

    private static func encode(_ signature: OpaquePointer) -> [UInt8]? {
        var out: UnsafeMutablePointer<UInt8>?
        let length = i2d_ECDSA_SIG(signature, &out)
        guard length > 0, let out else { return nil }
        defer { ra_openssl_free(out) }
        return Array(UnsafeBufferPointer(start: out, count: Int(length)))
    }
}
