import Foundation
import Testing
import RAWire
@testable import RAHelperKit

struct ProviderTests {
    typealias Fixture = ProviderFixture
    let start = ProviderFixture.start

    @Test func hundredConcurrentCallersShareOneCreateSession() async throws {
        let transport = FakeTransport([Fixture.issued("ASIAONE", expiring: start.addingTimeInterval(3600))])
        let clock = ProviderManualClock(start)
        let provider = try Fixture.provider(SlowTransport(transport, delay: 0.3), clock: clock)
        let results = await withTaskGroup(of: Result<Credentials, HelperError>.self) { group in
            for _ in 0..<100 {
                group.addTask {
                    do throws(HelperError) {
                        return .success(try await provider.credentials())
                    } catch {
                        return .failure(error)
                    }
                }
            }
            var all: [Result<Credentials, HelperError>] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 100)
        #expect(results.allSatisfy { (try? $0.get().accessKeyId) == "ASIAONE" })
        #expect(transport.requests.count == 1)
        // The background owner is asleep until the refresh time and adds nothing.
        #expect(await eventually { clock.sleeperCount == 1 })
        #expect(transport.requests.count == 1)
        provider.stop()
    }

    @Test func refreshesInTheBackgroundFiveMinutesBeforeExpiry() async throws {
        let transport = FakeTransport([Fixture.issued("ASIAFIRST", expiring: start.addingTimeInterval(3600)),
                                       Fixture.issued("ASIASECOND", expiring: start.addingTimeInterval(7200))])
        let clock = ProviderManualClock(start)
        let provider = try Fixture.provider(transport, clock: clock)
        #expect(try await provider.credentials().accessKeyId == "ASIAFIRST")
        #expect(await eventually { clock.sleeperCount == 1 })

        // One second before the refresh time: nothing happens, callers get the cached set.
        clock.advance(to: start.addingTimeInterval(3299))
        #expect(await eventually { clock.sleeperCount == 1 })
        try await Task.sleep(nanoseconds: 50_000_000)
        #expect(transport.requests.count == 1)
        #expect(try provider.cachedSnapshot().credentials.accessKeyId == "ASIAFIRST")

        // At expiry − 300 s the owner refreshes, without any caller asking.
        clock.advance(to: start.addingTimeInterval(3300))
        #expect(await eventually { (try? provider.cachedSnapshot().credentials.accessKeyId) == "ASIASECOND" })
        #expect(transport.requests.count == 2)
        let snapshot = try provider.cachedSnapshot()
        #expect(snapshot.obtainedAt == start.addingTimeInterval(3300))
        #expect(snapshot.expiration == start.addingTimeInterval(7200))
        provider.stop()
    }

    @Test func anOutageDuringRefreshKeepsServingValidCredentialsThenRecovers() async throws {
        let transport = FakeTransport([Fixture.issued("ASIAFIRST", expiring: start.addingTimeInterval(900)),
                                       Fixture.unavailable, Fixture.unavailable,
                                       Fixture.issued("ASIASECOND", expiring: start.addingTimeInterval(1800))])
        let clock = ProviderManualClock(start)
        let logs = ProviderLogCollector()
        let provider = try Fixture.provider(transport, clock: clock, logger: logs.logger)
        let seen = ProviderEventLog(provider.events(), start: start)
        #expect(try await provider.credentials().accessKeyId == "ASIAFIRST")

        // Refresh at 900 − 300 s fails: the first set is still handed out, without new requests.
        // (Each step waits until the owner is asleep again, so the clock only moves between attempts.)
        clock.advance(to: start.addingTimeInterval(600))
        #expect(await eventually { transport.requests.count == 2 && clock.sleeperCount == 1 })
        #expect(try await provider.credentials().accessKeyId == "ASIAFIRST")
        #expect(try provider.cachedSnapshot().credentials.accessKeyId == "ASIAFIRST")
        #expect(transport.requests.count == 2)

        // Backoff (jitter pinned to its maximum): 1 s, then 2 s.
        clock.advance(to: start.addingTimeInterval(600.5))
        try await Task.sleep(nanoseconds: 50_000_000)
        #expect(transport.requests.count == 2)
        clock.advance(to: start.addingTimeInterval(601))
        #expect(await eventually { transport.requests.count == 3 && clock.sleeperCount == 1 })
        clock.advance(to: start.addingTimeInterval(603))
        #expect(await eventually { (try? provider.cachedSnapshot().credentials.accessKeyId) == "ASIASECOND" })
        #expect(transport.requests.count == 4)

        #expect(await eventually { seen.lines.count == 4 })
        #expect(seen.lines == ["refreshed ASIAFIRST", "failed 1 next 601.0", "failed 2 next 603.0", "refreshed ASIASECOND"])
        let warnings = logs.messages(at: .warning)
        #expect(warnings.count == 2)
        #expect(warnings.first?.hasPrefix("Refreshing credentials failed (attempt 1): operation error RolesAnywhere: "
            + "CreateSession, exceeded maximum number of attempts, 1, https response error StatusCode: 503") == true)
        #expect(warnings.first?.hasSuffix("still serving credentials valid until 2026-01-01T00:15:00Z; next attempt in 1 s") == true)
        #expect(logs.messages(at: .info).last == "Obtained credentials valid until 2026-01-01T00:30:00Z; "
            + "they will be refreshed at 2026-01-01T00:25:00Z")
        for line in logs.all {
            #expect(!line.message.contains(Fixture.secret))
            #expect(!line.message.contains(Fixture.sessionToken))
        }
        provider.stop()
    }

    @Test func expiredCredentialsAreNeverReturned() async throws {
        let transport = FakeTransport([Fixture.issued("ASIAFIRST", expiring: start.addingTimeInterval(900))]
            + Array(repeating: Fixture.unavailable, count: 40))
        let clock = ProviderManualClock(start)
        let provider = try Fixture.provider(transport, clock: clock)
        #expect(try await provider.credentials().accessKeyId == "ASIAFIRST")
        for second in stride(from: 600.0, through: 839, by: 20) {
            clock.advance(to: start.addingTimeInterval(second))
            _ = await eventually(timeout: 2) { clock.sleeperCount == 1 }
        }
        clock.advance(to: start.addingTimeInterval(839))
        #expect(try provider.cachedSnapshot().credentials.accessKeyId == "ASIAFIRST")

        // 60 s before expiry they are treated as expired: errors, never the stale set.
        clock.advance(to: start.addingTimeInterval(840))
        let expectedMessage = "no valid credentials: operation error RolesAnywhere: CreateSession, "
            + "exceeded maximum number of attempts, 1, https response error StatusCode: 503, RequestID: , api error ServiceUnavailableException: down"
        #expect(throws: HelperError.self) { try provider.cachedSnapshot() }
        do {
            _ = try provider.cachedSnapshot()
        } catch {
            #expect(error.message == expectedMessage)
            #expect(error.isTransient)
        }
        await #expect(throws: HelperError.self) { try await provider.credentials() }
        clock.advance(to: start.addingTimeInterval(2000))
        await #expect(throws: HelperError.self) { try await provider.credentials() }
        provider.stop()
    }

    @Test func startRefreshingRetriesTransientFailures() async throws {
        let transport = FakeTransport([Fixture.unavailable, Fixture.issued("ASIAFIRST", expiring: start.addingTimeInterval(3600))])
        let clock = ProviderManualClock(start)
        let provider = try Fixture.provider(transport, clock: clock)
        let started = Task { try await provider.startRefreshing() }
        #expect(await eventually { transport.requests.count == 1 && clock.sleeperCount == 1 })
        clock.advance(to: start.addingTimeInterval(1))
        let snapshot = try await started.value
        #expect(snapshot.credentials.accessKeyId == "ASIAFIRST")
        #expect(transport.requests.count == 2)
        provider.stop()
    }

    @Test func startRefreshingThrowsARefusalAtOnce() async throws {
        let transport = FakeTransport([Fixture.refused])
        let clock = ProviderManualClock(start)
        let provider = try Fixture.provider(transport, clock: clock)
        do {
            try await provider.startRefreshing()
            Issue.record("a refused CreateSession must end start-up")
        } catch {
            #expect(error.message == "operation error RolesAnywhere: CreateSession, https response error StatusCode: 403, "
                + "RequestID: , AccessDeniedException: Untrusted Signing Certificate")
            #expect(!error.isTransient)
        }
        // Stopped: no retries later.
        clock.advance(to: start.addingTimeInterval(3600))
        try await Task.sleep(nanoseconds: 50_000_000)
        #expect(transport.requests.count == 1)
    }

    @Test func startRefreshingAfterStopDoesNotHang() async throws {
        let provider = try Fixture.provider(FakeTransport([]), clock: ProviderManualClock(start))
        provider.stop()
        await #expect(throws: HelperError(.configuration, "the credential provider was stopped before it obtained credentials")) {
            try await provider.startRefreshing()
        }
    }

    @Test func stopEndsTheBackgroundRefresh() async throws {
        let transport = FakeTransport([Fixture.issued("ASIAFIRST", expiring: start.addingTimeInterval(3600)),
                                       Fixture.issued("ASIASECOND", expiring: start.addingTimeInterval(7200))])
        let clock = ProviderManualClock(start)
        let provider = try Fixture.provider(transport, clock: clock)
        _ = try await provider.credentials()
        provider.stop()
        clock.advance(to: start.addingTimeInterval(3400))
        try await Task.sleep(nanoseconds: 50_000_000)
        #expect(transport.requests.count == 1)
        #expect(try provider.cachedSnapshot().credentials.accessKeyId == "ASIAFIRST")
    }

    @Test(arguments: [
        (Credentials(accessKeyId: "", expiration: "2026-01-01T01:00:00Z", secretAccessKey: "s", sessionToken: "t"),
         "CreateSession returned empty credentials"),
        (Credentials(accessKeyId: "A", expiration: "2026-01-01T01:00:00Z", secretAccessKey: "s", sessionToken: ""),
         "CreateSession returned empty credentials"),
        (Credentials(accessKeyId: "A", expiration: "tomorrow", secretAccessKey: "s", sessionToken: "t"),
         "CreateSession returned an expiration that is not RFC 3339: 'tomorrow'"),
        (Credentials(accessKeyId: "A", expiration: "2026-01-01T00:00:59Z", secretAccessKey: "s", sessionToken: "t"),
         "CreateSession returned credentials that expire at 2026-01-01T00:00:59Z, too soon to use (is this host's clock right?)"),
    ])
    func unusableAnswersAreRefused(credentials: Credentials, message: String) {
        let result = CredentialProvider.check(credentials, obtainedAt: start, policy: RefreshPolicy())
        #expect(throws: HelperError(.response, message)) { try result.get() }
    }

    @Test func usableAnswerKeepsTheExpirationText() throws {
        let credentials = Credentials(accessKeyId: "A", expiration: "2026-01-01T00:01:01Z", secretAccessKey: "s", sessionToken: "t")
        let snapshot = try CredentialProvider.check(credentials, obtainedAt: start, policy: RefreshPolicy()).get()
        #expect(snapshot.expiration == start.addingTimeInterval(61))
        #expect(snapshot.credentials == credentials)
        #expect(snapshot.description == "CredentialSnapshot(accessKeyId: A, expiration: 2026-01-01T00:01:01Z)")
    }
}

struct ProviderPolicyTests {
    @Test(arguments: [
        (1, 0.0, 0.5), (1, 1.0, 1.0), (2, 0.5, 1.5), (4, 1.0, 8.0), (6, 0.0, 16.0),
        (7, 1.0, 60.0), (7, 0.0, 30.0), (100, 1.0, 60.0), (0, 1.0, 1.0),
    ])
    func backoffIsExponentialJitteredAndBounded(failures: Int, random: Double, expected: Double) {
        #expect(RefreshPolicy().backoff(afterFailures: failures, random: random) == expected)
    }

    @Test(arguments: [
        // (window, lifetime) → seconds after obtaining when the refresh happens
        (300.0, 3600.0, 3300.0), (300, 900, 600), (300, 200, 5), (895, 900, 5), (3600, 900, 5),
        (30, 3600, 3540), (300, 3, 3),
    ])
    func refreshTimeFollowsTheWindow(window: Double, lifetime: Double, expected: Double) {
        let obtained = ProviderFixture.start
        let policy = RefreshPolicy(refreshWindow: window)
        let refresh = policy.refreshTime(obtainedAt: obtained, expiration: obtained.addingTimeInterval(lifetime))
        #expect(refresh.timeIntervalSince(obtained) == expected)
    }

    @Test(arguments: [(61.0, true), (60.0, false), (0.0, false), (-5.0, false)])
    func credentialsCloseToExpiryAreUnusable(remaining: Double, usable: Bool) {
        let now = ProviderFixture.start
        #expect(RefreshPolicy().isUsable(expiration: now.addingTimeInterval(remaining), at: now) == usable)
    }

    @Test(arguments: [
        (HelperError(.transport, "x"), true),
        (HelperError(.transport, "SSL certificate problem", transportIsRetryable: false), false),
        (HelperError(.service(ServiceFailure(statusCode: 503, requestID: "", errorCode: "X", errorMessage: nil)), "x"), true),
        (HelperError(.service(ServiceFailure(statusCode: 429, requestID: "", errorCode: "X", errorMessage: nil)), "x"), true),
        (HelperError(.service(ServiceFailure(statusCode: 400, requestID: "", errorCode: "ThrottlingException", errorMessage: nil)), "x"), true),
        (HelperError(.service(ServiceFailure(statusCode: 403, requestID: "", errorCode: "AccessDeniedException", errorMessage: nil)), "x"), false),
        (HelperError(.identity, "x"), false),
        (HelperError(.configuration, "x"), false),
        (HelperError(.response, "x"), false),
    ])
    func transientErrorsAreTheOnesWorthRetrying(error: HelperError, transient: Bool) {
        #expect(error.isTransient == transient)
    }

    @Test(arguments: [("debug", LogLevel.debug), ("INFO", .info), ("warn", .warning), ("warning", .warning), ("error", .error)])
    func logLevelsParse(name: String, level: LogLevel) {
        #expect(LogLevel(name: name) == level)
    }

    @Test func loggerDropsLinesBelowItsLevel() {
        let collected = ProviderLogCollector()
        let inner = collected.logger
        let logger = HelperLogger(level: .warning) { level, message in inner.log(level, message) }
        logger.debug("d")
        logger.info("i")
        logger.warning("w")
        logger.error("e")
        #expect(collected.all.map(\.message) == ["w", "e"])
        #expect(LogLevel(name: "verbose") == nil)
    }
}
