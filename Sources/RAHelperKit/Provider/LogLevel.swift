/// How much a long-running helper (`serve`, `update`) says. Users asked for this because the
/// official helper logs every expired IMDS token and offers no way to quieten it.
public enum LogLevel: Int, Sendable, Comparable, CaseIterable, CustomStringConvertible {
    /// Request-level detail: token churn, CreateSession attempts, cache hits.
    case debug
    /// Start-up lines and each successful refresh.
    case info
    /// A refresh failed but valid credentials are still being served.
    case warning
    /// No valid credentials remain, or the helper cannot continue.
    case error

    /// Parses `--log-level`: `debug`, `info`, `warn`/`warning`, `error` (any case).
    public init?(name: String) {
        switch name.lowercased() {
        case "debug": self = .debug
        case "info": self = .info
        case "warn", "warning": self = .warning
        case "error": self = .error
        default: return nil
        }
    }

    /// The upper-case tag written in front of each log line.
    public var description: String {
        switch self {
        case .debug: "DEBUG"
        case .info: "INFO"
        case .warning: "WARN"
        case .error: "ERROR"
        }
    }

    public static func < (lhs: LogLevel, rhs: LogLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}
