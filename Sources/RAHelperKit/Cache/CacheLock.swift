#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive `flock` on `<cache file>.lock`, held by the one process that refreshes an entry while
/// concurrent invocations wait for it and then read what it wrote.
///
/// `flock` locks belong to the open file description, so the kernel releases the lock when the holder
/// exits or crashes; a lock never outlives its process. The lock file itself holds nothing and is
/// never removed (removing it would let two processes lock two different files of the same name).
final class CacheLock {
    private var descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit { release() }

    /// Waits for the lock, polling so that a holder that hangs (say, on a PIN prompt) cannot block
    /// this process beyond `timeout` seconds. The lock file is created 0600 if missing and must belong
    /// to this user: someone else's file could be held forever to stall the helper.
    static func acquire(path: String, timeout: Double, sleep: (Double) -> Void,
                        now: () -> Double) throws(CacheFileError) -> CacheLock {
        try CacheDirectory.create(parentOf: path)
        let descriptor = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .system("open", path, errno) }
        let lock = CacheLock(descriptor: descriptor)
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .system("stat", path, errno) }
        guard status.st_mode & S_IFMT == S_IFREG, status.st_uid == geteuid() else {
            throw CacheFileError("\(path) is not a regular file owned by this user")
        }
        let deadline = now() + timeout
        var pause = 0.001
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            guard code == EWOULDBLOCK || code == EINTR else { throw .system("lock", path, code) }
            guard now() < deadline else {
                throw CacheFileError("\(path) is still locked after \(Int(timeout)) seconds")
            }
            sleep(pause)
            pause = min(pause * 2, 0.02)
        }
        return lock
    }

    /// Unlocks by closing; safe to call more than once.
    func release() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
    }
}
