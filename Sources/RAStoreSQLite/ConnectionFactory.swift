internal import CSQLite
import RACore

/// Opens connections to one database file with the settings each role needs.
struct ConnectionFactory: Sendable {
    let path: String
    let busyTimeout: Duration

    /// The connection that writes: WAL so readers and other processes are not blocked, and
    /// `synchronous=FULL` so a commit (an audit record above all) is on disk before the call returns.
    func writer() throws -> SQLiteConnection {
        try opening {
            let connection = try SQLiteConnection(path: path, busyTimeout: busyTimeout)
            try checkIsDatabase(connection)
            let mode = try connection.queryOne("PRAGMA journal_mode = WAL") { $0.text(0) } ?? nil
            guard mode?.lowercased() == "wal" else {
                throw StoreError("the database could not be switched to WAL mode (it reports '\(mode ?? "nothing")')")
            }
            try connection.run("PRAGMA synchronous = FULL")
            return connection
        }
    }

    /// A connection that only reads; `query_only` turns an accidental write into an error.
    func reader() throws -> SQLiteConnection {
        try opening {
            let connection = try SQLiteConnection(path: path, busyTimeout: busyTimeout)
            try checkIsDatabase(connection)
            try connection.run("PRAGMA query_only = ON")
            return connection
        }
    }

    /// Runs the schema migrations on a writer connection.
    func migrate(_ connection: SQLiteConnection) throws {
        try opening { try SQLiteSchema.migrate(connection) }
    }

    /// SQLite opens lazily, so a file that is not a database only shows up at the first read.
    private func checkIsDatabase(_ connection: SQLiteConnection) throws {
        switch SQLiteFailure.primary(connection.probe()) {
        case SQLITE_OK: return
        case SQLITE_NOTADB: throw StoreError("the file is not a SQLite database")
        case SQLITE_CORRUPT: throw StoreError("the database file is corrupt")
        default: try connection.run("SELECT 1 FROM sqlite_schema LIMIT 1")  // rethrows with SQLite's message
        }
    }

    private func opening<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as StoreError {
            throw StoreError("cannot open store at \(path): \(error.message)")
        }
    }
}
