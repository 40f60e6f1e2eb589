import Foundation
import Synchronization

/// How a child ended, filled in by Foundation's termination handler on its own thread and polled
/// by the waiting task.
final class Termination: Sendable {
    struct Outcome: Sendable {
        var status: Int32
        var signaled: Bool
        var timedOut = false
    }

    private let outcome = Mutex<Outcome?>(nil)

    func record(status: Int32, signaled: Bool) {
        outcome.withLock { $0 = Outcome(status: status, signaled: signaled) }
    }

    var current: Outcome? { outcome.withLock { $0 } }

    /// Waits for the child; past the deadline it is killed (SIGKILL) and reported as timed out.
    func wait(pid: Int32, timeout: Duration) async -> Outcome {
        let deadline = ContinuousClock.now + timeout
        var killed = false
        while true {
            if var finished = current {
                finished.timedOut = killed
                return finished
            }
            if !killed && ContinuousClock.now >= deadline {
                kill(pid, SIGKILL)
                killed = true
            }
            try? await Task.sleep(for: .milliseconds(10))
        }
    }
}
