import Foundation
import Synchronization
import Testing
@testable import RAHelperKit
import RAWire

/// `CredentialCache` decisions with a pinned clock: when cached credentials are used, when they are
/// refreshed, and that failures never leak secrets or break `credential-process`.
struct CacheRefreshTests {
    /// 2030-01-01T00:00:00Z.
    static let now = Date(timeIntervalSince1970: 1_893_456_000)
    static let fresh = SessionCredentials(accessKeyId: "ASIAFRESH", expiration: "2030-01-01T01:00:00Z",
                                          secretAccessKey: "fresh-secret", sessionToken: "fresh-token")

    /// Collects log lines from the cache's `@Sendable` logger.
    final class LogLines: Sendable {
        let lines = Mutex<[String]>([])
        var all: [String] { lines.withLock { $0 } }
        func append(_ line: String) { lines.withLock { $0.append(line) } }
    }

    let directory: String
    let lines = LogLines()

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("cacherefresh-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    func cache(key: String = "key", margin: Double = CredentialCache.defaultRefreshMargin,
               lockTimeout: Double = 5) -> CredentialCache {
        let lines = self.lines
        return CredentialCache(path: directory + "/entry.cache", key: CacheKey(text: key), refreshMargin: margin,
                               lockTimeout: lockTimeout, log: { line in lines.append(line) },
                               clock: { Self.now }, sleep: { Thread.sleep(forTimeInterval: $0) })
    }

    func store(expiration: String, key: String = "key") throws {
        let stored = SessionCredentials(accessKeyId: "ASIACACHED", expiration: expiration,
                                        secretAccessKey: "cached-secret", sessionToken: "cached-token")
        try CacheFile(path: directory + "/entry.cache").write(CacheRecord(key: CacheKey(text: key), credentials: stored))
    }

    /// Calls the cache with a fetch that counts and returns `fresh`.
    func call(_ cache: CredentialCache) throws -> (credentials: Credentials, fetches: Int) {
        var fetches = 0
        let credentials = try cache.credentials { () throws(HelperError) -> Credentials in
            fetches += 1
            return Self.fresh
        }
        return (credentials, fetches)
    }

    @Test(arguments: [
        ("2030-01-01T01:00:00Z", "ASIACACHED"),      // an hour left
        ("2030-01-01T00:05:01Z", "ASIACACHED"),      // 301 s left: still beyond the 5-minute margin
        ("2030-01-01T00:05:00Z", "ASIAFRESH"),       // exactly the margin: refresh
        ("2030-01-01T00:04:59Z", "ASIAFRESH"),
        ("2029-12-31T23:59:00Z", "ASIAFRESH"),       // already expired
        ("2030-01-01T01:05:01+01:00", "ASIACACHED"), // offsets are honoured: 00:05:01Z
        ("2030-01-01T00:05:00.500Z", "ASIACACHED"),  // fractions too: 300.5 s left
        ("tomorrow", "ASIAFRESH"),                   // unreadable expiration
    ])
    func cachedCredentialsAreUsedOnlyBeyondTheRefreshMargin(expiration: String, expectedKeyID: String) throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try store(expiration: expiration)
        let (credentials, fetches) = try call(cache())
        #expect(credentials.accessKeyId == expectedKeyID)
        #expect(fetches == (expectedKeyID == "ASIAFRESH" ? 1 : 0))
        // After a refresh the file holds the new credentials.
        #expect(try CacheFile(path: directory + "/entry.cache").read()?.credentials.accessKeyId == expectedKeyID)
    }

    @Test func aCustomMarginIsHonoured() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try store(expiration: "2030-01-01T00:05:01Z")
        #expect(try call(cache(margin: 600)).fetches == 1)
        try store(expiration: "2030-01-01T00:05:01Z")
        #expect(try call(cache(margin: 0)).fetches == 0)
    }

    @Test func aRecordForAnotherKeyIsNotUsed() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try store(expiration: "2030-01-01T01:00:00Z", key: "someone else's role")
        let (credentials, fetches) = try call(cache())
        #expect(credentials == Self.fresh)
        #expect(fetches == 1)
        #expect(try CacheFile(path: directory + "/entry.cache").read()?.key == "key")
    }

    @Test func theSecondCallIsServedFromTheFile() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(try call(cache()).fetches == 1)
        let second = try call(cache())
        #expect(second.fetches == 0)
        #expect(second.credentials == Self.fresh)
    }

    @Test func fetchErrorsPassThroughAndLeaveTheFileAlone() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try store(expiration: "2030-01-01T00:01:00Z")
        let failure = HelperError(.transport, "operation error RolesAnywhere: CreateSession, connection refused")
        #expect(throws: failure) {
            try cache().credentials { () throws(HelperError) -> Credentials in throw failure }
        }
        #expect(try CacheFile(path: directory + "/entry.cache").read()?.credentials.accessKeyId == "ASIACACHED")
    }

    @Test func anUnwritableCacheStillYieldsCredentials() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // A regular file where the cache directory should be: neither lock nor file can be made.
        #expect(FileManager.default.createFile(atPath: directory + "/blocked", contents: Data()))
        let cache = CredentialCache(path: directory + "/blocked/entry.cache", key: CacheKey(text: "key"),
                                    refreshMargin: 300, lockTimeout: 1, log: nil, clock: { Self.now }, sleep: { _ in })
        var fetches = 0
        let credentials = try cache.credentials { () throws(HelperError) -> Credentials in
            fetches += 1
            return Self.fresh
        }
        #expect(credentials == Self.fresh)
        #expect(fetches == 1)
    }

    @Test func aLockHeldElsewhereDelaysAtMostTheTimeoutThenFetches() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let held = try CacheLock.acquire(path: directory + "/entry.cache.lock", timeout: 1, sleep: { _ in },
                                         now: { Date().timeIntervalSince1970 })
        defer { held.release() }
        let cache = CredentialCache(path: directory + "/entry.cache", key: CacheKey(text: "key"), refreshMargin: 300,
                                    lockTimeout: 0.3, log: nil, clock: { Date() },
                                    sleep: { Thread.sleep(forTimeInterval: $0) })
        let start = Date()
        var fetches = 0
        _ = try cache.credentials { () throws(HelperError) -> Credentials in
            fetches += 1
            return SessionCredentials(accessKeyId: "A", expiration: "2999-01-01T00:00:00Z", secretAccessKey: "s",
                                      sessionToken: "t")
        }
        let waited = Date().timeIntervalSince(start)
        #expect(fetches == 1)
        #expect(waited >= 0.3 && waited < 3)
    }

    @Test func theLogExplainsEachDecisionAndNeverHoldsSecrets() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/entry.cache"
        _ = try call(cache())                                      // miss, store
        _ = try call(cache())                                      // hit
        try store(expiration: "2030-01-01T00:01:00Z")
        _ = try call(cache())                                      // within the margin
        #expect(FileManager.default.createFile(atPath: path, contents: Data("{\"secretAccessKey\":\"leak\"}".utf8),
                                               attributes: [.posixPermissions: 0o600]))
        _ = try call(cache())                                      // corrupt
        chmod(path, 0o644)
        _ = try call(cache())                                      // loose permissions
        let logged = lines.all
        #expect(logged == [
            "credential cache: no cached credentials in \(path)",
            "credential cache: stored new credentials in \(path), expiring 2030-01-01T01:00:00Z",
            "credential cache: using cached credentials from \(path), expiring 2030-01-01T01:00:00Z",
            "credential cache: cached credentials in \(path) expire at 2030-01-01T00:01:00Z, within 300 seconds; refreshing",
            "credential cache: stored new credentials in \(path), expiring 2030-01-01T01:00:00Z",
            "credential cache: ignoring the cache file: the file is not a credential cache record",
            "credential cache: stored new credentials in \(path), expiring 2030-01-01T01:00:00Z",
            "credential cache: ignoring the cache file: \(path) has mode 644, expected 600: others could read or change it",
            "credential cache: stored new credentials in \(path), expiring 2030-01-01T01:00:00Z",
        ])
        for secret in ["fresh-secret", "fresh-token", "cached-secret", "cached-token", "leak"] {
            #expect(!logged.joined().contains(secret))
        }
    }
}
