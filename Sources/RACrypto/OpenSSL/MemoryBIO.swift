internal import COpenSSL

/// Owns one in-memory `BIO`, the adapter OpenSSL's PEM and DER writers and readers need.
final class MemoryBIO {
    let pointer: OpaquePointer

    /// An empty, writable BIO.
    init() throws {
        guard let bio = BIO_new(BIO_s_mem()) else {
            throw OpenSSLErrorQueue.failure("cannot allocate a memory BIO")
        }
        pointer = bio
    }

    /// A BIO holding a private copy of `bytes`, to be read from.
    init(copying bytes: [UInt8]) throws {
        guard let bio = BIO_new(BIO_s_mem()) else {
            throw OpenSSLErrorQueue.failure("cannot allocate a memory BIO")
        }
        pointer = bio
        if !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { BIO_write(bio, $0.baseAddress, Int32($0.count)) }
            guard written == Int32(bytes.count) else {
                throw OpenSSLErrorQueue.failure("cannot fill a memory BIO")
            }
        }
    }

    deinit { BIO_free(pointer) }

    /// Everything written so far.
    var contents: [UInt8] {
        var base: UnsafeMutablePointer<CChar>?
        let length = ra_BIO_get_mem_data(pointer, &base)
        guard length > 0, let base else { return [] }
        return base.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
            Array(UnsafeBufferPointer(start: $0, count: Int(length)))
        }
    }

    var string: String { String(decoding: contents, as: UTF8.self) }
}
