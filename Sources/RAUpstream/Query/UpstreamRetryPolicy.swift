/// How often and how long a transient upstream failure is retried.
///
/// Bounded on both counts: a CreateSession caller is waiting, and an upstream outage must not
/// pile up blocked request threads. Waits grow exponentially with jitter ("equal jitter": half
/// fixed, half random) so a fleet of replicas does not retry in lock step.
public struct UpstreamRetryPolicy: Sendable, Equatable {
    /// Attempts in total, the first included; 1 disables retrying.
    public var maxAttempts: Int
    /// The wait before the second attempt is about this long; it doubles each time after.
    public var baseDelaySeconds: Double
    /// No single wait is longer.
    public var maxDelaySeconds: Double
    /// All attempts and waits together end by then; a retry that cannot start in time is skipped.
    public var deadlineSeconds: Double

    public init(maxAttempts: Int = 3, baseDelaySeconds: Double = 0.2, maxDelaySeconds: Double = 2,
                deadlineSeconds: Double = 15) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelaySeconds = max(0, baseDelaySeconds)
        self.maxDelaySeconds = max(0, maxDelaySeconds)
        self.deadlineSeconds = max(0, deadlineSeconds)
    }

    /// Three attempts within 15 seconds.
    public static let standard = UpstreamRetryPolicy()
    /// One attempt only.
    public static let never = UpstreamRetryPolicy(maxAttempts: 1)

    /// The wait before attempt `attempt` (2 for the first retry): between half and all of
    /// `min(maxDelay, base * 2^(attempt-2))`.
    public func delay(beforeAttempt attempt: Int, unitRandom: Double) -> Double {
        let doublings = max(0, min(attempt - 2, 30))
        let ceiling = min(maxDelaySeconds, baseDelaySeconds * Double(1 << doublings))
        return ceiling / 2 + ceiling / 2 * min(max(unitRandom, 0), 1)
    }
}
