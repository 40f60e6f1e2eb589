import Foundation
import Synchronization
@testable import RAHelperKit

/// A clock that only moves when a test says so; sleepers wake when it passes their deadline.
final class ProviderManualClock: ProviderClock {
    private struct Sleeper {
        var id: Int
        var deadline: Date
        var continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var now: Date
        var sleepers: [Sleeper] = []
        var cancelled: Set<Int> = []
        var nextID = 0
    }

    private let state: Mutex<State>

    init(_ start: Date) {
        state = Mutex(State(now: start))
    }

    var now: Date { state.withLock { $0.now } }

    /// How many tasks are waiting for a later time.
    var sleeperCount: Int { state.withLock { $0.sleepers.count } }

    func sleep(until deadline: Date) async throws {
        let id = state.withLock { state in
            state.nextID += 1
            return state.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let outcome: Bool? = state.withLock { state in
                    if state.cancelled.contains(id) { return false }
                    if deadline <= state.now { return true }
                    state.sleepers.append(Sleeper(id: id, deadline: deadline, continuation: continuation))
                    return nil
                }
                switch outcome {
                case true?: continuation.resume()
                case false?: continuation.resume(throwing: CancellationError())
                case nil: break
                }
            }
        } onCancel: {
            let sleeper = state.withLock { state -> Sleeper? in
                state.cancelled.insert(id)
                guard let index = state.sleepers.firstIndex(where: { $0.id == id }) else { return nil }
                return state.sleepers.remove(at: index)
            }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Moves time to `date` and wakes everyone whose deadline has passed.
    func advance(to date: Date) {
        let due = state.withLock { state in
            state.now = date
            let due = state.sleepers.filter { $0.deadline <= date }
            state.sleepers.removeAll { $0.deadline <= date }
            return due
        }
        due.forEach { $0.continuation.resume() }
    }
}

/// Polls `condition` in real time until it holds or `timeout` seconds pass. Generous, because
/// other suites' synchronous tests can keep the two-thread concurrency pool busy for a while.
func eventually(timeout: Double = 30, _ condition: @Sendable () -> Bool) async -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        if condition() { return true }
        try? await Task.sleep(nanoseconds: 5_000_000)
    }
    return condition()
}

/// Log lines a component wrote, for assertions on levels and on the absence of secrets.
final class ProviderLogCollector: Sendable {
    private let lines = Mutex<[(level: LogLevel, message: String)]>([])

    var logger: HelperLogger {
        HelperLogger(level: .debug) { [self] level, message in lines.withLock { $0.append((level, message)) } }
    }

    var all: [(level: LogLevel, message: String)] { lines.withLock { $0 } }

    func messages(at level: LogLevel) -> [String] { all.filter { $0.level == level }.map(\.message) }
}

/// Collects a provider's events as text (`refreshed ASIA…`, `failed 2 next 603.0`), times
/// relative to `start`, without the test itself waiting on the stream.
final class ProviderEventLog: Sendable {
    private let collected = Mutex<[String]>([])
    private let task = Mutex<Task<Void, Never>?>(nil)

    init(_ events: AsyncStream<CredentialEvent>, start: Date) {
        task.withLock { task in
            task = Task { [weak self] in
                for await event in events {
                    let line: String
                    switch event {
                    case .refreshed(let snapshot): line = "refreshed \(snapshot.credentials.accessKeyId)"
                    case .failed(_, let failures, let next): line = "failed \(failures) next \(next.timeIntervalSince(start))"
                    }
                    self?.append(line)
                }
            }
        }
    }

    deinit { task.withLock { $0?.cancel() } }

    var lines: [String] { collected.withLock { $0 } }

    private func append(_ line: String) { collected.withLock { $0.append(line) } }
}
