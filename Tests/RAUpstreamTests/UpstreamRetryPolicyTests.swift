import Testing
import RAUpstream

@Suite struct UpstreamRetryPolicyTests {
    @Test(arguments: [
        (2, 0.0, 0.1), (2, 1.0, 0.2), (3, 0.0, 0.2), (3, 1.0, 0.4), (4, 0.5, 0.6), (6, 1.0, 2.0), (40, 0.0, 1.0),
    ])
    func waitsGrowExponentiallyWithinTheCap(attempt: Int, random: Double, expected: Double) {
        let policy = UpstreamRetryPolicy(maxAttempts: 5, baseDelaySeconds: 0.2, maxDelaySeconds: 2, deadlineSeconds: 30)
        #expect(abs(policy.delay(beforeAttempt: attempt, unitRandom: random) - expected) < 1e-9)
    }

    @Test func valuesAreClampedToSensibleBounds() {
        let policy = UpstreamRetryPolicy(maxAttempts: 0, baseDelaySeconds: -1, maxDelaySeconds: -1, deadlineSeconds: -5)
        #expect(policy == UpstreamRetryPolicy(maxAttempts: 1, baseDelaySeconds: 0, maxDelaySeconds: 0, deadlineSeconds: 0))
        #expect(UpstreamRetryPolicy.never.maxAttempts == 1)
        #expect(UpstreamRetryPolicy.standard.maxAttempts == 3)
    }
}
