import Foundation
import RACore
import Synchronization

/// The server's upstream identity, resolved from a chain once and refreshed before it expires.
///
/// Shared by every request thread. While cached credentials are comfortably valid they are
/// returned without any I/O. Once a refresh is due, one thread refreshes while the others keep
/// using the still-valid credentials; only when nothing usable is cached do callers wait, and
/// then for a single resolution. A failed early refresh keeps the old credentials and is not
/// retried for a short while, so an upstream outage does not turn every request into a fetch.
public final class UpstreamIdentity: Sendable {
    public let chain: UpstreamCredentialChain
    private let clock: any Clock
    /// A refresh becomes due this long before expiry (or at half the lifetime, if sooner).
    private let refreshWindow: TimeInterval
    /// Credentials with less validity left are not handed out at all.
    private let minimumValidity: TimeInterval
    /// After a failed early refresh, the next one waits this long.
    private let failureBackoff: TimeInterval
    private let state = Mutex(CacheState())
    /// Held for the duration of a resolution, so at most one runs at a time.
    private let resolving = Mutex(())

    private struct CacheState {
        var credentials: UpstreamCredentials?
        var refreshDue: Date?
        var nextAttempt: Date?
        var lastFailure: UpstreamCredentialError?
    }

    public init(chain: UpstreamCredentialChain, clock: any Clock = SystemClock(), refreshWindowSeconds: TimeInterval = 300,
                minimumValiditySeconds: TimeInterval = 60, failureBackoffSeconds: TimeInterval = 10) {
        self.chain = chain
        self.clock = clock
        self.refreshWindow = refreshWindowSeconds
        self.minimumValidity = minimumValiditySeconds
        self.failureBackoff = failureBackoffSeconds
    }

    /// Credentials valid for at least the minimum validity.
    /// - Throws: the chain's error when nothing usable is cached and resolving fails.
    public func credentials() throws(UpstreamCredentialError) -> UpstreamCredentials {
        let now = clock.now()
        let snapshot = state.withLock { $0 }
        if let current = snapshot.credentials, usable(current, now) {
            guard isDue(snapshot, now) else { return current }
            // Refresh early if no one else is; either way the current credentials still serve.
            let refreshed = resolving.withLockIfAvailable { _ -> UpstreamCredentials? in
                let latest = state.withLock { $0 }
                if let fresher = latest.credentials, !isDue(latest, clock.now()) { return fresher }
                return try? resolveAndStore(keepingOnFailure: true)
            }
            return (refreshed ?? nil) ?? current
        }
        return try resolving.withLock { (_: inout ()) throws(UpstreamCredentialError) -> UpstreamCredentials in
            let latest = state.withLock { $0 }
            if let fresher = latest.credentials, usable(fresher, clock.now()) { return fresher }
            return try resolveAndStore(keepingOnFailure: false)
        }
    }

    /// Forgets the cached credentials, e.g. after the upstream called them expired or invalid.
    public func invalidate() {
        state.withLock { $0 = CacheState() }
    }

    /// What is cached now, for diagnostics (the description redacts secrets).
    public var cached: UpstreamCredentials? {
        state.withLock { $0.credentials }
    }

    /// The error of the last failed resolution since the last success, for health reporting.
    public var lastFailure: UpstreamCredentialError? {
        state.withLock { $0.lastFailure }
    }

    private func usable(_ credentials: UpstreamCredentials, _ now: Date) -> Bool {
        guard let expiration = credentials.expiration else { return true }
        return expiration.timeIntervalSince(now) >= minimumValidity
    }

    private func isDue(_ snapshot: CacheState, _ now: Date) -> Bool {
        guard let due = snapshot.refreshDue, now >= due else { return false }
        if let next = snapshot.nextAttempt, now < next { return false }
        return true
    }

    /// Runs the chain (caller holds `resolving`) and records the outcome.
    private func resolveAndStore(keepingOnFailure: Bool) throws(UpstreamCredentialError) -> UpstreamCredentials {
        let started = clock.now()
        do throws(UpstreamCredentialError) {
            let fresh = try chain.resolve(clock: clock)
            guard usable(fresh, clock.now()) else {
                throw UpstreamCredentialError(source: fresh.source, message: "the credentials expire in less than "
                    + "\(Int(minimumValidity)) s")
            }
            let due = fresh.expiration.map { expiration in
                let lifetime = expiration.timeIntervalSince(started)
                return expiration.addingTimeInterval(-min(refreshWindow, lifetime / 2))
            }
            state.withLock { $0 = CacheState(credentials: fresh, refreshDue: due) }
            return fresh
        } catch {
            let now = clock.now()
            state.withLock { state in
                if !keepingOnFailure { state.credentials = nil }
                state.nextAttempt = now.addingTimeInterval(failureBackoff)
                state.lastFailure = error
            }
            throw error
        }
    }
}
