#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a cache file or lock could not be used or written. Internal: a cache problem never fails
/// `credential-process`, it only makes the helper fetch fresh credentials (and say so with `--debug`).
/// Messages name paths and reasons, never file contents.
struct CacheFileError: Error, Equatable, Sendable, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }

    /// `<action> <path>: <strerror>`, the shape Go and the rest of the helper use for system errors.
    static func system(_ action: String, _ path: String, _ code: Int32) -> CacheFileError {
        let text = strerror(code).map { String(cString: $0) } ?? "errno \(code)"
        return CacheFileError("\(action) \(path): \(text)")
    }
}
