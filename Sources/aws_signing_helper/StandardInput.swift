import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard input, read to the end at most once: `--certificate -` or `--private-key -` hand over
/// PEM, DER or PKCS#12 bytes through a pipe, so they never touch the disk.
enum StandardInput {
    private static let cache = Mutex<[UInt8]?>(nil)

    /// Everything on standard input (empty when it is closed or unreadable), read on first use.
    static func contents() -> [UInt8] {
        cache.withLock { cached in
            if let cached { return cached }
            let bytes = readAll()
            cached = bytes
            return bytes
        }
    }

    private static func readAll() -> [UInt8] {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count > 0 {
                bytes.append(contentsOf: buffer[0..<count])
            } else if count < 0 && errno == EINTR {
                continue
            } else {
                return bytes
            }
        }
    }
}
