import Dispatch
import Foundation
import RACore
import RAWire
import Synchronization
import Testing
import RAUpstream

@Suite struct UpstreamIdentityTests {
    let start = Date(timeIntervalSince1970: 1_900_000_000)
    let fastRetry = UpstreamRetryPolicy(maxAttempts: 1, deadlineSeconds: 3)

    func identity(_ imds: FakeIMDS, _ clock: SteppingClock) -> UpstreamIdentity {
        UpstreamIdentity(chain: UpstreamCredentialChain([.instanceMetadata(InstanceMetadataSource(endpoint: imds.url, retry: fastRetry))]),
                         clock: clock, refreshWindowSeconds: 300, minimumValiditySeconds: 60, failureBackoffSeconds: 10)
    }

    @Test func cachesUntilTheRefreshWindow() throws {
        let clock = SteppingClock(start)
        let imds = try FakeIMDS(expiration: start.addingTimeInterval(3600))
        let identity = identity(imds, clock)
        #expect(try identity.credentials().keys.accessKeyID == "ASIAIMDS0001")
        clock.advance(by: 3000)
        #expect(try identity.credentials().keys.accessKeyID == "ASIAIMDS0001")
        #expect(imds.credentialFetches == 1)

        imds.update { $0.accessKeyId = "ASIAIMDS0002"; $0.expiration = self.start.addingTimeInterval(7200) }
        clock.advance(by: 301)  // 299 s left: inside the 300 s window
        #expect(try identity.credentials().keys.accessKeyID == "ASIAIMDS0002")
        #expect(imds.credentialFetches == 2)
        #expect(try identity.credentials().keys.accessKeyID == "ASIAIMDS0002")
        #expect(imds.credentialFetches == 2)
    }

    @Test func shortLivedCredentialsRefreshAtHalfTheirLifetime() throws {
        let clock = SteppingClock(start)
        let imds = try FakeIMDS(expiration: start.addingTimeInterval(400))
        let identity = identity(imds, clock)
        _ = try identity.credentials()
        clock.advance(by: 150)
        _ = try identity.credentials()
        #expect(imds.credentialFetches == 1)
        clock.advance(by: 60)  // past 200 s, half of 400
        _ = try identity.credentials()
        #expect(imds.credentialFetches == 2)
    }

    @Test func failedEarlyRefreshKeepsServingAndBacksOff() throws {
        let clock = SteppingClock(start)
        let imds = try FakeIMDS(expiration: start.addingTimeInterval(3600))
        let identity = identity(imds, clock)
        _ = try identity.credentials()
        imds.update { $0.failCredentials = true }
        clock.advance(by: 3400)  // 200 s left: due, still usable
        #expect(try identity.credentials().keys.accessKeyID == "ASIAIMDS0001")
        #expect(imds.credentialFetches == 2)
        #expect(identity.lastFailure?.source == "IMDS")
        clock.advance(by: 5)  // within the 10 s back-off: no new attempt
        _ = try identity.credentials()
        #expect(imds.credentialFetches == 2)
        clock.advance(by: 10)
        _ = try identity.credentials()
        #expect(imds.credentialFetches == 3)
    }

    @Test func expiredCacheAndFailingSourceThrows() throws {
        let clock = SteppingClock(start)
        let imds = try FakeIMDS(expiration: start.addingTimeInterval(3600))
        let identity = identity(imds, clock)
        _ = try identity.credentials()
        imds.update { $0.failCredentials = true }
        clock.advance(by: 3550)  // 50 s left: below the 60 s minimum
        #expect(throws: UpstreamCredentialError.self) { try identity.credentials() }
        #expect(identity.cached == nil)
    }

    @Test func invalidateForcesAFreshResolution() throws {
        let clock = SteppingClock(start)
        let imds = try FakeIMDS(expiration: start.addingTimeInterval(3600))
        let identity = identity(imds, clock)
        _ = try identity.credentials()
        identity.invalidate()
        _ = try identity.credentials()
        #expect(imds.credentialFetches == 2)
    }

    @Test func concurrentCallersShareOneResolution() throws {
        let clock = SteppingClock(start)
        let imds = try FakeIMDS(expiration: start.addingTimeInterval(3600))
        imds.update { $0.delay = 0.2 }
        let identity = identity(imds, clock)
        let keys = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 12) { _ in
            let id = (try? identity.credentials().keys.accessKeyID) ?? "failed"
            keys.withLock { $0.append(id) }
        }
        #expect(keys.withLock { $0 } == Array(repeating: "ASIAIMDS0001", count: 12))
        #expect(imds.credentialFetches == 1)
    }

    @Test func longTermKeysAreNeverRefreshed() throws {
        let clock = SteppingClock(start)
        let identity = UpstreamIdentity(chain: UpstreamCredentialChain([.fixed(HMACCredentials(accessKeyID: "AKIA", secretAccessKey: "s"))]),
                                        clock: clock)
        _ = try identity.credentials()
        clock.advance(by: 86_400 * 365)
        #expect(try identity.credentials().expiration == nil)
        #expect(!"\(try identity.credentials())".contains("secretAccessKey: s"))
    }
}
