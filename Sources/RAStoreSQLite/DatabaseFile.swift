#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RACore

/// Creating the database file ourselves, before SQLite does, is what makes its mode 0600 whatever the
/// umask: SQLite then gives the -wal and -shm files the same mode as the database file.
enum DatabaseFile {
    /// Creates an empty file readable and writable by the owner only; leaves an existing file alone.
    static func createIfMissing(at path: String) throws {
        let descriptor = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if descriptor < 0 {
            let code = errno
            if code == EEXIST { return }
            throw StoreError("cannot create store file at \(path): \(String(cString: strerror(code)))")
        }
        defer { close(descriptor) }
        // The umask may have removed bits from the creation mode; set them exactly.
        guard fchmod(descriptor, 0o600) == 0 else {
            let code = errno
            throw StoreError("cannot set permissions of store file at \(path): \(String(cString: strerror(code)))")
        }
    }
}
