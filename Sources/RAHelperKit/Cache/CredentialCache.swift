import Foundation
public import RAWire

/// Opt-in on-disk caching for `credential-process`: the AWS CLI and SDKs run the helper for every
/// command and never cache process credentials themselves, so without this every call is a
/// CreateSession and parallel jobs run into the service's rate limits.
///
/// Cached credentials are returned while more than `refreshMargin` (5 minutes by default) of their
/// lifetime is left, the same margin the AWS SDKs use before refreshing. When they are missing, stale,
/// unreadable or not to be trusted, exactly one process refreshes them: it takes an exclusive `flock`
/// on `<file>.lock`, checks the file again (another process may have just refreshed it), calls
/// CreateSession, and writes the file atomically with mode 0600. Concurrent invocations wait on the
/// lock and then read the fresh file, so twenty parallel `aws` commands cost one CreateSession.
///
/// Any problem with the cache (no permission, a corrupt or foreign file, a lock that stays held)
/// makes the helper fetch credentials as if caching were off; it never turns into a failure, and
/// nothing secret is logged.
public struct CredentialCache: Sendable {
    /// Seconds before expiry at which cached credentials are refreshed.
    public static let defaultRefreshMargin: Double = 5 * 60
    /// How long to wait for another process's refresh before fetching independently: longer than one
    /// full CreateSession with retries and libcurl's timeouts.
    public static let defaultLockTimeout: Double = 120

    /// The cache file; its lock is `path + ".lock"`.
    public let path: String
    public let key: CacheKey
    public var refreshMargin: Double
    public var lockTimeout: Double
    private let log: (@Sendable (String) -> Void)?
    private let clock: @Sendable () -> Date
    private let sleep: @Sendable (Double) -> Void

    /// - Parameters:
    ///   - path: the cache file; see `CacheDirectory.defaultPath` for the usual place.
    ///   - log: receives one line per cache decision (hit, miss and why); never credentials.
    public init(path: String, key: CacheKey, refreshMargin: Double = Self.defaultRefreshMargin,
                lockTimeout: Double = Self.defaultLockTimeout, log: (@Sendable (String) -> Void)? = nil) {
        self.init(path: path, key: key, refreshMargin: refreshMargin, lockTimeout: lockTimeout, log: log,
                  clock: { Date() }, sleep: { seconds in Thread.sleep(forTimeInterval: seconds) })
    }

    /// The cache `credential-process --cache` uses: `file` if given, else the default directory with a
    /// file named after the configuration's key. The default directory is kept at mode 0700.
    public init(configuration: CredentialsConfiguration, file: String?, cacheHome: String?, home: String?,
                log: (@Sendable (String) -> Void)? = nil) throws(HelperError) {
        let key = CacheKey(configuration: configuration)
        if let file {
            self.init(path: file, key: key, log: log)
        } else {
            let directory = try CacheDirectory.defaultPath(cacheHome: cacheHome, home: home)
            CacheDirectory.tighten(directory)
            self.init(path: CacheDirectory.join(directory, key.fileName), key: key, log: log)
        }
    }

    /// Full injection, for tests that move the clock and skip the lock's polling pauses.
    init(path: String, key: CacheKey, refreshMargin: Double, lockTimeout: Double,
         log: (@Sendable (String) -> Void)?, clock: @escaping @Sendable () -> Date,
         sleep: @escaping @Sendable (Double) -> Void) {
        self.path = path
        self.key = key
        self.refreshMargin = refreshMargin
        self.lockTimeout = lockTimeout
        self.log = log
        self.clock = clock
        self.sleep = sleep
    }

    /// Cached credentials if fresh enough, otherwise `fetch()`'s, which are then cached. Errors from
    /// `fetch` are passed through unchanged and nothing is cached for them.
    public func credentials(fetch: () throws(HelperError) -> Credentials) throws(HelperError) -> Credentials {
        if let cached = freshCredentials() { return cached }
        var lock: CacheLock?
        do {
            lock = try CacheLock.acquire(path: path + ".lock", timeout: lockTimeout, sleep: sleep,
                                         now: { clock().timeIntervalSince1970 })
        } catch {
            note("cannot lock the cache (\(error)); fetching without it")
        }
        defer { lock?.release() }
        // Whoever held the lock before us has probably just written fresh credentials.
        if lock != nil, let cached = freshCredentials(reportingMisses: false) { return cached }
        let credentials = try fetch()
        do {
            try CacheFile(path: path).write(CacheRecord(key: key, credentials: credentials))
            note("stored new credentials in \(path), expiring \(credentials.expiration)")
        } catch {
            note("cannot write the cache (\(error)); the credentials are used but not cached")
        }
        return credentials
    }

    /// The cached credentials when the file is trustworthy, written for this key, and not within
    /// `refreshMargin` of expiry; nil otherwise, with the reason logged when `reportingMisses`.
    func freshCredentials(reportingMisses: Bool = true) -> Credentials? {
        let miss = { (reason: String) -> Credentials? in
            if reportingMisses { note(reason) }
            return nil
        }
        let record: CacheRecord
        do {
            guard let stored = try CacheFile(path: path).read() else { return miss("no cached credentials in \(path)") }
            record = stored
        } catch {
            return miss("ignoring the cache file: \(error)")
        }
        guard record.key == key.text else {
            return miss("ignoring \(path): it was written for a different certificate, role or endpoint")
        }
        guard let expiry = try? RFC3339.parse(record.credentials.expiration) else {
            return miss("ignoring \(path): its expiration is not an RFC 3339 time")
        }
        guard expiry.timeIntervalSince(clock()) > refreshMargin else {
            return miss("cached credentials in \(path) expire at \(record.credentials.expiration), within "
                + "\(Int(refreshMargin)) seconds; refreshing")
        }
        note("using cached credentials from \(path), expiring \(record.credentials.expiration)")
        return record.credentials
    }

    private func note(_ message: String) {
        log?("credential cache: " + message)
    }
}
