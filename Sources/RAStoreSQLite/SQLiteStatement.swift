internal import CSQLite
import RACore

/// One compiled statement. Connections cache these, so a statement is reset (not finalized) after
/// each use and finalized only when its connection closes.
final class SQLiteStatement {
    let handle: OpaquePointer
    let sql: String

    init(handle: OpaquePointer, sql: String) {
        self.handle = handle
        self.sql = sql
    }

    deinit { sqlite3_finalize(handle) }

    /// Clears earlier bindings and binds `values` to parameters 1…n.
    func bind(_ values: [SQLiteValue]) throws {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let code = bind(value, at: index)
            guard code == SQLITE_OK else { throw failure(code, while: "binding parameter \(index)") }
        }
    }

    private func bind(_ value: SQLiteValue, at index: Int32) -> Int32 {
        switch value {
        case .null:
            return sqlite3_bind_null(handle, index)
        case .integer(let number):
            return sqlite3_bind_int64(handle, index, number)
        case .real(let number):
            return sqlite3_bind_double(handle, index, number)
        case .text(let text):
            let length = UInt64(text.utf8.count)
            return text.withCString { sqlite3_bind_text64(handle, index, $0, length, ra_sqlite_transient(), UInt8(SQLITE_UTF8)) }
        case .blob(let bytes):
            // An empty buffer may have no base address, which SQLite would store as NULL.
            if bytes.isEmpty { return sqlite3_bind_zeroblob(handle, index, 0) }
            return bytes.withUnsafeBytes {
                sqlite3_bind_blob64(handle, index, $0.baseAddress, UInt64($0.count), ra_sqlite_transient())
            }
        }
    }

    /// Advances the statement: true while it yields rows, false once it is done.
    func step() throws -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw failure(code, while: "running \(summary)")
        }
    }

    /// Releases the statement's read snapshot and bound values so the cache can reuse it.
    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

    func double(_ column: Int32) -> Double { sqlite3_column_double(handle, column) }

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

    /// The column as UTF-8 text; nil for SQL NULL.
    func text(_ column: Int32) -> String? {
        guard let bytes = sqlite3_column_text(handle, column) else { return nil }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    /// The column as bytes; empty for an empty blob or NULL.
    func blob(_ column: Int32) -> [UInt8] {
        guard let bytes = sqlite3_column_blob(handle, column) else { return [] }
        let count = Int(sqlite3_column_bytes(handle, column))
        return Array(UnsafeRawBufferPointer(start: bytes, count: count))
    }

    /// The statement's first line (never the bound values), enough to tell which operation failed.
    private var summary: String {
        let firstLine = sql.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? sql
        return "'" + String(firstLine.prefix(100)) + "'"
    }

    private func failure(_ code: Int32, while context: String) -> StoreError {
        SQLiteFailure.error(code: code, database: sqlite3_db_handle(handle), while: context)
    }
}
