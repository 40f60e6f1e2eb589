import Foundation
import RACommandLine

/// `rolesanywhere audit`: the audit trail as JSON lines, oldest first.
enum AuditCommand {
    static func run(_ flags: FlagValues) throws {
        let since = try flags.nonEmptyString("since").map(parseSince)
        let directory = try DataDirectory(try Commands.required(flags, "data-dir"), creating: false)
        let store = try directory.openStore()
        for record in try store.auditRecords(since: since, limit: nil) {
            print(try record.jsonLine())
        }
    }

    /// RFC 3339 (`2026-12-03T10:00:00Z`) or a relative age (`90s`, `15m`, `2h`, `7d`).
    static func parseSince(_ text: String) throws -> Date {
        if let date = ISO8601DateFormatter().date(from: text) { return date }
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86400]
        if let unit = text.last, let scale = units[unit], let amount = Double(text.dropLast()), amount >= 0 {
            return Date().addingTimeInterval(-amount * scale)
        }
        throw CLIError.usage("--since '\(text)' is neither an RFC 3339 time nor an age like 15m, 2h or 7d")
    }
}
