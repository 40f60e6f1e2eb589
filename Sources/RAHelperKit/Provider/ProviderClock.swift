import Foundation

/// The provider's notion of time: wall-clock "now" (expirations are wall-clock times) and a way
/// to wait for a moment. Injected so tests can move time by hand instead of sleeping.
protocol ProviderClock: Sendable {
    var now: Date { get }
    /// Returns at `deadline` or later; throws `CancellationError` when the task is cancelled.
    func sleep(until deadline: Date) async throws
}

/// Real time. Waits are capped by the caller, so a wall-clock jump (suspend, NTP step) delays a
/// refresh by at most one cap interval.
struct SystemProviderClock: ProviderClock {
    var now: Date { Date() }

    func sleep(until deadline: Date) async throws {
        let seconds = deadline.timeIntervalSinceNow
        guard seconds > 0 else { return }
        try await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
    }
}
