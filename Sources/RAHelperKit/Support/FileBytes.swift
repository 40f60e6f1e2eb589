#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads whole files with POSIX calls so a failure can be reported as Go's `os.ReadFile` reports
/// it (`open <path>: no such file or directory`), which is what the official helper prints.
enum FileBytes {
    struct ReadError: Error, Equatable {
        /// Go-style text, e.g. `open /x: permission denied`.
        let message: String
    }

    static func contents(of path: String) throws(ReadError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ReadError(message: "open \(path): \(describe(errno))") }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { return bytes }
            if count < 0 {
                if errno == EINTR { continue }
                throw ReadError(message: "read \(path): \(describe(errno))")
            }
            bytes.append(contentsOf: buffer[0..<count])
        }
    }

    /// Go's error strings are the C library's with a lower-case first letter.
    private static func describe(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "errno \(code)" }
        let message = String(cString: text)
        guard let first = message.first else { return message }
        return first.lowercased() + message.dropFirst()
    }
}
