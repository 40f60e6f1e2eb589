internal import COpenSSL

/// Owns an `X509_STORE` holding the trust-anchor certificates.
///
/// `@unchecked Sendable`: certificates are added only in `init`; afterwards OpenSSL reads the store
/// under its own lock, so one store may back concurrent verifications. `deinit` frees it once.
final class TrustStore: @unchecked Sendable {
    let pointer: OpaquePointer

    init(_ anchors: [Certificate]) throws {
        guard let store = X509_STORE_new() else { throw OpenSSLErrorQueue.failure("cannot allocate a trust store") }
        pointer = store
        for anchor in anchors {
            // Adding the same certificate twice reports an error that is harmless here.
            if X509_STORE_add_cert(store, anchor.handle.pointer) != 1 { OpenSSLErrorQueue.drain() }
        }
    }

    deinit { X509_STORE_free(pointer) }
}
