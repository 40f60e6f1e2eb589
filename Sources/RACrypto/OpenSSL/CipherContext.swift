internal import COpenSSL

/// Owns one `EVP_CIPHER_CTX` for the duration of a single seal or open.
final class CipherContext {
    let pointer: OpaquePointer

    init() throws {
        guard let context = EVP_CIPHER_CTX_new() else { throw OpenSSLErrorQueue.failure("cannot allocate a cipher context") }
        pointer = context
    }

    deinit { EVP_CIPHER_CTX_free(pointer) }
}
