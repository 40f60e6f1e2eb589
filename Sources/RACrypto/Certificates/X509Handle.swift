internal import COpenSSL

/// Owns one parsed `X509` so that `Certificate`, a value type, can share it for signature and
/// chain checks without reparsing.
///
/// `@unchecked Sendable`: the `X509` is never modified after `init` (which also primes OpenSSL's
/// lazily computed extension cache, so later readers only read), and `deinit` frees it once.
final class X509Handle: @unchecked Sendable {
    let pointer: OpaquePointer

    /// Takes ownership of `x509` (one reference).
    init(owning x509: OpaquePointer) {
        pointer = x509
        _ = X509_check_purpose(x509, -1, 0)
        OpenSSLErrorQueue.drain()
    }

    deinit { X509_free(pointer) }
}
