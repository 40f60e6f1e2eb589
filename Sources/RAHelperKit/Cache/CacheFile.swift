#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The C calls, under names the methods below do not shadow.
private let systemRead = read
private let systemWrite = write

/// The file one cache entry lives in, read and written so that a cache of secrets is safe even in a
/// directory others can write to.
///
/// Reading trusts a file only if it is a regular file (symbolic links are not followed), owned by the
/// effective user and closed to group and others; anything else is reported and later replaced.
/// Writing creates a fresh 0600 file under a temporary name and renames it over the entry, so readers
/// see the old record or the new one, never half of one, and no reader ever sees looser permissions.
struct CacheFile: Sendable {
    /// A record larger than this is not one the helper wrote.
    static let maximumSize = 64 * 1024

    let path: String

    /// The record, or nil when there is no file. Throws when a file is there but must not be used.
    func read() throws(CacheFileError) -> CacheRecord? {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            if code == ENOENT { return nil }
            if code == ELOOP { throw CacheFileError("\(path) is a symbolic link") }
            throw .system("open", path, code)
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .system("stat", path, errno) }
        try Self.checkTrusted(status, path: path)
        guard Int(status.st_size) <= Self.maximumSize else {
            throw CacheFileError("\(path) is larger than a cache record can be")
        }
        return try CacheRecord.decode(try Self.readAll(descriptor, path: path))
    }

    /// Replaces the entry with `record`, creating the directory (0700) if it is missing.
    func write(_ record: CacheRecord) throws(CacheFileError) {
        let bytes = try record.encoded()
        try CacheDirectory.create(parentOf: path)
        let temporary = "\(path).tmp-\(getpid())-\(String(UInt64.random(in: 0...UInt64.max), radix: 16))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .system("create", temporary, errno) }
        var failure: CacheFileError?
        if fchmod(descriptor, 0o600) != 0 {
            failure = .system("chmod", temporary, errno)
        } else if let error = Self.writeAll(bytes, to: descriptor, path: temporary) {
            failure = error
        }
        if close(descriptor) != 0, failure == nil { failure = .system("close", temporary, errno) }
        if failure == nil, rename(temporary, path) != 0 { failure = .system("rename", path, errno) }
        if let failure {
            unlink(temporary)
            throw failure
        }
    }

    /// The ownership and permission rule every cache file must pass before its contents are read.
    static func checkTrusted(_ status: stat, path: String) throws(CacheFileError) {
        guard status.st_mode & S_IFMT == S_IFREG else { throw CacheFileError("\(path) is not a regular file") }
        guard status.st_uid == geteuid() else {
            throw CacheFileError("\(path) is owned by uid \(status.st_uid), not by this user (uid \(geteuid()))")
        }
        let mode = status.st_mode & 0o777
        guard mode & 0o077 == 0 else {
            throw CacheFileError("\(path) has mode \(String(mode, radix: 8)), expected 600: others could read or change it")
        }
    }

    private static func readAll(_ descriptor: Int32, path: String) throws(CacheFileError) -> [UInt8] {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { return bytes }
            if count < 0 {
                if errno == EINTR { continue }
                throw .system("read", path, errno)
            }
            bytes.append(contentsOf: buffer[0..<count])
            guard bytes.count <= maximumSize else {
                throw CacheFileError("\(path) is larger than a cache record can be")
            }
        }
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) -> CacheFileError? {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { systemWrite(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return .system("write", path, errno)
            }
            offset += written
        }
        return nil
    }
}
