#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `write(2)`, reachable inside `AtomicFile` whose own `write` shadows it.
private func posixWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}

/// Replaces a file's contents all at once: readers (an SDK loading `~/.aws/credentials` at that
/// very moment) see the old file or the new one, never a truncated one, and a crash or a full
/// disk leaves the old file in place. The official helper truncates and rewrites in place.
enum AtomicFile {
    struct WriteError: Error, Equatable {
        /// e.g. `open /x/.credentials.tmp-1-2: permission denied`.
        let message: String
    }

    /// Writes `bytes` to a temporary file beside the target (the target of a symbolic link, so a
    /// linked credentials file stays linked), sets `mode` regardless of the umask, flushes it to
    /// disk, renames it over the target and flushes the directory.
    static func write(_ bytes: [UInt8], to path: String, mode: mode_t) throws(WriteError) {
        let target = resolvedPath(path)
        let directory = parentDirectory(of: target)
        let name = target.split(separator: "/").last.map(String.init) ?? target
        let temporary = directory + "/." + name + ".tmp-\(getpid())-\(UInt32.random(in: .min ... .max))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw failure("open", temporary) }
        var failed: WriteError?
        if fchmod(descriptor, mode) != 0 { failed = failure("chmod", temporary) }
        var offset = 0
        while failed == nil && offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { posixWrite(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                failed = failure("write", temporary)
            } else {
                offset += written
            }
        }
        if failed == nil && fsync(descriptor) != 0 { failed = failure("sync", temporary) }
        if close(descriptor) != 0 && failed == nil { failed = failure("close", temporary) }
        if failed == nil && rename(temporary, target) != 0 { failed = failure("rename", target) }
        if let failed {
            unlink(temporary)
            throw failed
        }
        let directoryDescriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directoryDescriptor >= 0 {
            _ = fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
    }

    /// Runs `body` holding an exclusive `flock` on `directory`, so two helpers rewriting files in
    /// it take turns instead of overwriting each other's profiles. Nothing is left on disk.
    static func withDirectoryLock<T>(_ directory: String, _ body: () throws(WriteError) -> T) throws(WriteError) -> T {
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure("open", directory) }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            if errno != EINTR { throw failure("lock", directory) }
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }

    /// Creates `path` and missing parents with `mode` (0700 for `~/.aws`; the official helper
    /// asks for 0600, which leaves a directory nobody can enter).
    static func makeDirectories(_ path: String, mode: mode_t) throws(WriteError) {
        var built = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            built += "/" + component
            if mkdir(built, mode) != 0 && errno != EEXIST { throw failure("mkdir", built) }
        }
    }

    /// The file a path finally names when it is a symbolic link; the path itself otherwise.
    static func resolvedPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func parentDirectory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Go-style text (`open /x: permission denied`) from `errno`.
    private static func failure(_ operation: String, _ path: String) -> WriteError {
        let code = errno
        var text = strerror(code).map { String(cString: $0) } ?? "errno \(code)"
        if let first = text.first { text = first.lowercased() + text.dropFirst() }
        return WriteError(message: "\(operation) \(path): \(text)")
    }
}
