#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import RAHelperKit

/// Log lines on stderr in the official helper's layout (Go's `log` package: local
/// `YYYY/MM/DD HH:MM:SS ` in front), with the level after the time so `--log-level` output can
/// be filtered by eye or by `grep`.
enum StandardErrorLog {
    static func logger(level: LogLevel) -> HelperLogger {
        HelperLogger(level: level) { messageLevel, message in
            StandardStreams.writeError("\(timestamp()) \(messageLevel) \(message)\n")
        }
    }

    /// Local time as `2006/01/02 15:04:05`.
    static func timestamp() -> String {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)/\(two(parts.tm_mon + 1))/\(two(parts.tm_mday)) "
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))"
    }
}
