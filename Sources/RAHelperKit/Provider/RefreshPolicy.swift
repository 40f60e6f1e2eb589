import Foundation

/// When a ``CredentialProvider`` refreshes, when it stops trusting what it holds, and how it backs
/// off while the service is unreachable.
///
/// The defaults follow the official helper's documented behaviour (refresh five minutes before
/// expiry) and add what its users asked for: retries with bounded, jittered backoff instead of
/// dying or handing out empty credentials.
public struct RefreshPolicy: Sendable, Equatable {
    /// Refresh this long before the credentials expire (default 300 s, as the official helper's
    /// `update` does). Never less than ``expiryMargin``, so a refresh always starts while the
    /// cached credentials are still handed out.
    public var refreshWindow: TimeInterval
    /// Credentials with less than this left are treated as expired and never handed out
    /// (default 60 s): a request signed with them could expire in flight, and allowing for a
    /// little clock skew between this host and AWS costs nothing.
    public var expiryMargin: TimeInterval
    /// Backoff after the first failed refresh; it doubles per consecutive failure (default 1 s).
    public var initialBackoff: TimeInterval
    /// Upper bound for the backoff (default 60 s), so recovery is noticed within a minute.
    public var maximumBackoff: TimeInterval
    /// Least time between obtaining credentials and refreshing them (default 5 s). It only bites
    /// when the window is close to or longer than the session itself, and keeps such a setting
    /// from turning into a stream of CreateSession calls.
    public var minimumRefreshInterval: TimeInterval

    public init(refreshWindow: TimeInterval = 300, expiryMargin: TimeInterval = 60, initialBackoff: TimeInterval = 1,
                maximumBackoff: TimeInterval = 60, minimumRefreshInterval: TimeInterval = 5) {
        self.refreshWindow = max(0, refreshWindow)
        self.expiryMargin = max(0, expiryMargin)
        self.initialBackoff = max(0.001, initialBackoff)
        self.maximumBackoff = max(self.initialBackoff, maximumBackoff)
        self.minimumRefreshInterval = max(0, minimumRefreshInterval)
    }

    /// When credentials obtained at `obtainedAt` and expiring at `expiration` should be replaced:
    /// `max(refreshWindow, expiryMargin)` before expiry, but no earlier than
    /// `minimumRefreshInterval` after they were obtained.
    public func refreshTime(obtainedAt: Date, expiration: Date) -> Date {
        let lifetime = expiration.timeIntervalSince(obtainedAt)
        let lead = min(max(refreshWindow, expiryMargin), lifetime - minimumRefreshInterval)
        return expiration.addingTimeInterval(-max(0, lead))
    }

    /// True while credentials expiring at `expiration` may still be handed out at `now`.
    public func isUsable(expiration: Date, at now: Date) -> Bool {
        expiration.timeIntervalSince(now) > expiryMargin
    }

    /// The wait after `failures` consecutive failures (1 for the first): exponential, capped at
    /// ``maximumBackoff``, with "equal jitter" (half fixed, half random) so many helpers that lost
    /// the same server do not come back in lock step, yet none retries in a tight loop.
    /// - Parameter random: a value in `0..<1`; injected so tests can pin it.
    public func backoff(afterFailures failures: Int, random: Double) -> TimeInterval {
        let exponent = Double(min(max(failures, 1) - 1, 30))
        let ceiling = min(maximumBackoff, initialBackoff * pow(2, exponent))
        let unit = min(max(random, 0), 1)
        return ceiling / 2 + ceiling / 2 * unit
    }
}
