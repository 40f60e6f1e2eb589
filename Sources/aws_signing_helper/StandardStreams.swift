#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Unbuffered writes to stdout and stderr, so output is complete before `exit` and
/// `credential-process` can print its JSON with no trailing newline.
private let systemWrite = write

enum StandardStreams {
    static func writeOut(_ text: String) { write(Array(text.utf8), to: STDOUT_FILENO) }
    /// Raw bytes, for `sign-string --format bin`.
    static func writeOut(_ bytes: [UInt8]) { write(bytes, to: STDOUT_FILENO) }
    static func writeError(_ text: String) { write(Array(text.utf8), to: STDERR_FILENO) }

    /// One environment variable; the helper reads only a handful and passes them on as values.
    static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// Ends the process; only `main.swift` calls it.
    static func exit(_ code: Int32) -> Never {
        #if canImport(Glibc)
        Glibc.exit(code)
        #elseif canImport(Musl)
        Musl.exit(code)
        #else
        Darwin.exit(code)
        #endif
    }

    private static func write(_ bytes: [UInt8], to descriptor: Int32) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { systemWrite(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += written
        }
    }
}
