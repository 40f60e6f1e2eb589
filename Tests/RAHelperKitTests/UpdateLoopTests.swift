import Foundation
import Testing
@testable import RAHelperKit

/// `update`'s loop over the provider: first write, a write per refresh, nothing on failures.
struct UpdateLoopTests {
    typealias Fixture = ProviderFixture
    let start = ProviderFixture.start

    @Test func writesOnceThenAfterEveryRefresh() async throws {
        let scratch = try UpdateCredentialsFileTests.Scratch()
        let path = try scratch.write("credentials", "[other]\nx = 1\n")
        let transport = FakeTransport([Fixture.issued("ASIAFIRST", expiring: start.addingTimeInterval(900)),
                                       Fixture.unavailable,
                                       Fixture.issued("ASIASECOND", expiring: start.addingTimeInterval(1800))])
        let clock = ProviderManualClock(start)
        let logs = ProviderLogCollector()
        let provider = try Fixture.provider(transport, clock: clock, logger: logs.logger)
        let updater = CredentialsFileUpdater(file: CredentialsFile(path: path), profile: "edge", provider: provider,
                                             logger: logs.logger)
        let running = Task { try await updater.run() }
        #expect(await eventually { (try? scratch.read(path))?.contains("ASIAFIRST") == true })
        #expect(try scratch.read(path) == "[other]\nx = 1\n\n[edge]\naws_access_key_id = ASIAFIRST\naws_secret_access_key = "
            + "\(Fixture.secret)\naws_session_token = \(Fixture.sessionToken)\n")

        // The refresh at 600 s fails: the file keeps the first credentials.
        clock.advance(to: start.addingTimeInterval(600))
        #expect(await eventually { transport.requests.count == 2 && clock.sleeperCount == 1 })
        #expect(try scratch.read(path).contains("ASIAFIRST"))

        clock.advance(to: start.addingTimeInterval(601))
        #expect(await eventually { (try? scratch.read(path))?.contains("ASIASECOND") == true })
        #expect(try scratch.read(path).hasPrefix("[other]\nx = 1\n\n[edge]\naws_access_key_id = ASIASECOND\n"))
        // The log line follows the write.
        #expect(await eventually { logs.messages(at: .info).filter { $0.hasPrefix("Wrote credentials") }.count == 2 })
        #expect(logs.messages(at: .info).filter { $0.hasPrefix("Wrote credentials") } == [
            "Wrote credentials valid until 2026-01-01T00:15:00Z to profile edge in \(path)",
            "Wrote credentials valid until 2026-01-01T00:30:00Z to profile edge in \(path)",
        ])
        provider.stop()
        try await running.value
    }

    @Test func onceWritesOnce() async throws {
        let scratch = try UpdateCredentialsFileTests.Scratch()
        let path = scratch.file("credentials")
        let transport = FakeTransport([Fixture.issued("ASIAFIRST", expiring: start.addingTimeInterval(900))])
        let clock = ProviderManualClock(start)
        let provider = try Fixture.provider(transport, clock: clock)
        let updater = CredentialsFileUpdater(file: CredentialsFile(path: path), profile: "default", provider: provider)
        let snapshot = try await updater.updateOnce()
        #expect(snapshot.credentials.accessKeyId == "ASIAFIRST")
        #expect(try scratch.read(path).hasPrefix("[default]\naws_access_key_id = ASIAFIRST\n"))
        #expect(transport.requests.count == 1)
        provider.stop()
    }

    @Test func aRefusalEndsTheLoopWithTheServiceError() async throws {
        let scratch = try UpdateCredentialsFileTests.Scratch()
        let path = scratch.file("credentials")
        let provider = try Fixture.provider(FakeTransport([Fixture.refused]), clock: ProviderManualClock(start))
        let updater = CredentialsFileUpdater(file: CredentialsFile(path: path), profile: "default", provider: provider)
        await #expect(throws: HelperError.self) { try await updater.run() }
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
