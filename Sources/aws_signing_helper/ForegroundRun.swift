import Dispatch
import Foundation
import RAHelperKit
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs async work from the synchronous command code and blocks the main thread until it ends,
/// or, for daemons, until SIGTERM or SIGINT asks them to stop. Blocking the main thread is fine:
/// it is not one of the concurrency pool's threads, which keep running the work.
enum ForegroundRun {
    enum Ending<Value: Sendable>: Sendable {
        case finished(Result<Value, HelperError>)
        /// The signal that arrived first (`SIGTERM`, `SIGINT`).
        case signal(Int32)
    }

    /// Waits for `body` only.
    @discardableResult
    static func wait<Value: Sendable>(
        _ body: @escaping @Sendable () async throws(HelperError) -> Value
    ) throws(HelperError) -> Value {
        switch run(stoppingOnSignals: false, body) {
        case .finished(let result): return try result.get()
        case .signal: throw HelperError(.configuration, "interrupted")
        }
    }

    /// Waits for `body`, or for a termination signal when `stoppingOnSignals` is set.
    static func run<Value: Sendable>(
        stoppingOnSignals: Bool, _ body: @escaping @Sendable () async throws(HelperError) -> Value
    ) -> Ending<Value> {
        let outcome = Outcome<Value>()
        var sources: [any DispatchSourceSignal] = []
        if stoppingOnSignals {
            for number in [SIGTERM, SIGINT] {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler { outcome.finish(.signal(number)) }
                source.resume()
                sources.append(source)
            }
        }
        Task {
            do throws(HelperError) {
                outcome.finish(.finished(.success(try await body())))
            } catch {
                outcome.finish(.finished(.failure(error)))
            }
        }
        let ending = outcome.wait()
        sources.forEach { $0.cancel() }
        return ending
    }

    /// The first ending reported, handed from whichever thread reports it to the waiting one.
    private final class Outcome<Value: Sendable>: Sendable {
        private let ending = Mutex<Ending<Value>?>(nil)
        private let semaphore = DispatchSemaphore(value: 0)

        func finish(_ value: Ending<Value>) {
            let first = ending.withLock { ending in
                guard ending == nil else { return false }
                ending = value
                return true
            }
            if first { semaphore.signal() }
        }

        func wait() -> Ending<Value> {
            semaphore.wait()
            // Set before the semaphore was signalled.
            return ending.withLock { $0 } ?? .signal(0)
        }
    }
}
