internal import CSQLite
import RACore

/// Owns one `sqlite3*` and the statements compiled on it.
///
/// `@unchecked Sendable` because the store moves connections between threads but never shares one:
/// the writer sits behind a `Mutex` and readers are checked out of a pool, so exactly one thread
/// uses a connection (and its statement cache) at a time. SQLite itself is also opened in
/// serialized mode as a second line of defence.
final class SQLiteConnection: @unchecked Sendable {
    let path: String
    private let database: OpaquePointer
    private var statements: [String: SQLiteStatement] = [:]

    /// Opens `path`, which must already exist, waiting up to `busyTimeout` whenever the file is locked.
    init(path: String, busyTimeout: Duration) throws {
        self.path = path
        var handle: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX | SQLITE_OPEN_EXRESCODE
        let code = sqlite3_open_v2(path, &handle, flags, nil)
        guard code == SQLITE_OK, let handle else {
            let error = SQLiteFailure.error(code: code, database: handle, while: "opening the database")
            sqlite3_close_v2(handle)
            throw error
        }
        database = handle
        let milliseconds = busyTimeout.components.seconds * 1000 + busyTimeout.components.attoseconds / 1_000_000_000_000_000
        sqlite3_busy_timeout(database, Int32(clamping: milliseconds))
    }

    deinit {
        statements.removeAll()  // finalizes them, so the close below is not deferred
        sqlite3_close_v2(database)
    }

    /// Whether an explicit transaction is open.
    var isInTransaction: Bool { sqlite3_get_autocommit(database) == 0 }

    /// Reads the schema and returns SQLite's result code, so callers can tell "not a database" apart.
    func probe() -> Int32 {
        sqlite3_exec(database, "SELECT 1 FROM sqlite_schema LIMIT 1", nil, nil, nil)
    }

    /// Runs SQL text that takes no parameters, possibly several statements (schema scripts).
    func execute(script: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(database, script, nil, nil, &message)
        defer { sqlite3_free(message) }
        guard code == SQLITE_OK else {
            let detail = message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
            throw StoreError("SQLite error \(code) while running a schema script: \(detail)")
        }
    }

    /// Runs one statement to completion, discarding any rows.
    func run(_ sql: String, _ values: [SQLiteValue] = []) throws {
        let statement = try prepared(sql)
        defer { statement.reset() }
        try statement.bind(values)
        while try statement.step() {}
    }

    /// Runs one statement and maps each row; rows are read before `row` could start another query.
    func query<T>(_ sql: String, _ values: [SQLiteValue] = [], _ row: (SQLiteStatement) throws -> T) throws -> [T] {
        let statement = try prepared(sql)
        defer { statement.reset() }
        try statement.bind(values)
        var rows: [T] = []
        while try statement.step() { rows.append(try row(statement)) }
        return rows
    }

    /// Runs a query that yields at most one row.
    func queryOne<T>(_ sql: String, _ values: [SQLiteValue] = [], _ row: (SQLiteStatement) throws -> T) throws -> T? {
        try query(sql, values, row).first
    }

    /// Ends an open transaction after a failure; a second failure would hide the first, so it is dropped.
    func rollbackIfNeeded() {
        guard isInTransaction else { return }
        try? run("ROLLBACK")
    }

    /// Runs `body` between `begin` and COMMIT, rolling back if anything throws.
    func transaction<T>(begin: String, _ body: () throws -> T) throws -> T {
        try run(begin)
        do {
            let result = try body()
            try run("COMMIT")
            return result
        } catch {
            rollbackIfNeeded()
            throw error
        }
    }

    /// A compiled statement for `sql`, from the cache when this connection has seen it before.
    private func prepared(_ sql: String) throws -> SQLiteStatement {
        if let cached = statements[sql] { return cached }
        var handle: OpaquePointer?
        let code = sqlite3_prepare_v3(database, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &handle, nil)
        guard code == SQLITE_OK, let handle else {
            throw SQLiteFailure.error(code: code, database: database, while: "preparing a statement")
        }
        let statement = SQLiteStatement(handle: handle, sql: sql)
        statements[sql] = statement
        return statement
    }
}
