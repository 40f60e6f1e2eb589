internal import CSQLite
import RACore

/// Turns SQLite result codes into `StoreError`s that say what was being done and what SQLite said.
enum SQLiteFailure {
    static func error(code: Int32, database: OpaquePointer?, while context: String) -> StoreError {
        let detail: String
        if let database, let message = sqlite3_errmsg(database) {
            detail = String(cString: message)
        } else {
            detail = String(cString: sqlite3_errstr(code))
        }
        return StoreError("SQLite error \(code) while \(context): \(detail)")
    }

    /// The primary result code (extended codes carry it in the low byte).
    static func primary(_ code: Int32) -> Int32 { code & 0xff }
}
