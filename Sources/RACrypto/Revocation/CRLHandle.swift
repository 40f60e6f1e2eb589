internal import COpenSSL

/// Owns one parsed `X509_CRL` so `CertificateRevocationList`, a value type, can verify its signature.
///
/// `@unchecked Sendable`: the CRL is never modified after `init` and `deinit` frees it once;
/// signature verification only reads it.
final class CRLHandle: @unchecked Sendable {
    let pointer: OpaquePointer

    /// Takes ownership of `crl` (one reference).
    init(owning crl: OpaquePointer) { pointer = crl }

    deinit { X509_CRL_free(pointer) }
}
