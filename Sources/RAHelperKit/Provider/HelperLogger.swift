/// Where the provider and the local credential servers report what they do.
///
/// The library never writes to a stream itself: the executable injects a sink that timestamps and
/// writes to standard error, a Swift program can route lines into its own logging, and tests
/// collect them. Callers only ever pass messages without secrets (no keys, tokens or credentials),
/// so every sink is safe to ship to a log collector.
public struct HelperLogger: Sendable {
    /// Messages below this level are not even built (the message is an autoclosure).
    public var level: LogLevel
    private let sink: @Sendable (LogLevel, String) -> Void

    public init(level: LogLevel, sink: @escaping @Sendable (LogLevel, String) -> Void) {
        self.level = level
        self.sink = sink
    }

    /// Drops everything; the default for library users who did not ask for logs.
    public static let disabled = HelperLogger(level: .error) { _, _ in }

    public func isEnabled(_ messageLevel: LogLevel) -> Bool { messageLevel >= level }

    public func log(_ messageLevel: LogLevel, _ message: @autoclosure () -> String) {
        guard isEnabled(messageLevel) else { return }
        sink(messageLevel, message())
    }

    public func debug(_ message: @autoclosure () -> String) { log(.debug, message()) }
    public func info(_ message: @autoclosure () -> String) { log(.info, message()) }
    public func warning(_ message: @autoclosure () -> String) { log(.warning, message()) }
    public func error(_ message: @autoclosure () -> String) { log(.error, message()) }
}
