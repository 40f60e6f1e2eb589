import Foundation

/// The time source of the core; injected so tests can fix the date of a signature or an expiry.
public protocol Clock: Sendable {
    func now() -> Date
}

/// Wall-clock time.
public struct SystemClock: Clock {
    public init() {}
    public func now() -> Date { Date() }
}

/// A clock that reads whatever the test set it to.
public struct FixedClock: Clock {
    public var date: Date
    public init(_ date: Date) { self.date = date }
    public func now() -> Date { date }
}
