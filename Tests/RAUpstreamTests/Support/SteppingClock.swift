import Foundation
import RACore
import Synchronization

/// A clock tests move by hand, shared with the code under test.
final class SteppingClock: Clock, Sendable {
    private let current: Mutex<Date>

    init(_ start: Date) { current = Mutex(start) }

    func now() -> Date { current.withLock { $0 } }

    func advance(by seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }
}
