internal import COpenSSL

/// Owns a `STACK_OF(X509)` that holds references of its own to each certificate.
final class CertificateStack {
    let pointer: OpaquePointer

    /// A stack holding an extra reference to each certificate's `X509`.
    init(_ certificates: [Certificate]) throws {
        guard let stack = ra_sk_X509_new_null() else { throw OpenSSLErrorQueue.failure("cannot allocate a certificate stack") }
        pointer = stack
        for certificate in certificates {
            guard X509_up_ref(certificate.handle.pointer) == 1 else {
                throw OpenSSLErrorQueue.failure("cannot reference a certificate")
            }
            guard ra_sk_X509_push(stack, certificate.handle.pointer) > 0 else {
                X509_free(certificate.handle.pointer)
                throw OpenSSLErrorQueue.failure("cannot grow a certificate stack")
            }
        }
    }

    /// Adopts a stack whose elements it owns (as returned by `X509_STORE_CTX_get1_chain`).
    init(adopting stack: OpaquePointer) { pointer = stack }

    deinit { ra_sk_X509_pop_free(pointer) }

    var elements: [OpaquePointer] {
        (0..<max(ra_sk_X509_num(pointer), 0)).compactMap { ra_sk_X509_value(pointer, $0) }
    }
}
