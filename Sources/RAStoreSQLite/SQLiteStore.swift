import Foundation
import RACore
import Synchronization

/// The default durable store: one SQLite file, shared safely with other processes (`deploy` and
/// `crl import` write it while the server runs).
///
/// Writes go through a single connection behind a mutex, inside `BEGIN IMMEDIATE` transactions, so
/// writers in this process queue here and writers in other processes wait up to `busyTimeout`.
/// Reads use a small pool of connections and, in WAL mode, never wait for a writer. Every commit is
/// flushed to disk before it returns (`synchronous=FULL`), which is what lets an audit record be
/// durable before the response that it describes is sent.
///
/// Do not call `write` or `appendAudit` from inside a `write` closure: the writer mutex is not
/// re-entrant. (`read` and `revision` are safe there, and see the state before the write.)
public final class SQLiteStore: Store {
    /// The database file; its `-wal` and `-shm` companions live next to it.
    public let path: String
    private let writer: Mutex<SQLiteConnection>
    private let readers: ConnectionPool

    /// Opens (creating it, mode 0600, if missing) and migrates the database at `path`.
    /// - Parameter busyTimeout: how long to wait for another process's write to finish before failing.
    public init(path: String, busyTimeout: Duration = .seconds(5)) throws {
        guard !path.isEmpty, path != ":memory:" else {
            throw StoreError("the SQLite store needs a file path, not '\(path)'")
        }
        self.path = path
        try DatabaseFile.createIfMissing(at: path)
        let factory = ConnectionFactory(path: path, busyTimeout: busyTimeout)
        let connection = try factory.writer()
        try factory.migrate(connection)
        writer = Mutex(connection)
        readers = ConnectionPool(capacity: 4) { try factory.reader() }
    }

    public func read<T>(_ body: (any StoreReader) throws -> T) throws -> T {
        try readers.withConnection { connection in
            try connection.transaction(begin: "BEGIN") {
                let transaction = SQLiteTransaction(connection: connection, writable: false)
                defer { transaction.close() }
                return try body(transaction)
            }
        }
    }

    public func write<T>(_ body: (any StoreWriter) throws -> T) throws -> T {
        try writer.withLock { connection in
            try connection.run("BEGIN IMMEDIATE")
            let transaction = SQLiteTransaction(connection: connection, writable: true)
            defer { transaction.close() }
            do {
                let result = try body(transaction)
                if transaction.changesConfiguration {
                    try connection.run("UPDATE meta SET revision = revision + 1 WHERE id = 1")
                }
                try connection.run("COMMIT")
                return result
            } catch {
                connection.rollbackIfNeeded()
                throw error
            }
        }
    }

    /// One indexed single-row read on a cached statement; outside a transaction it always sees the
    /// latest commit, whichever process made it.
    public func revision() throws -> Int64 {
        let found = try readers.withConnection { connection in
            try connection.queryOne("SELECT revision FROM meta WHERE id = 1") { $0.int64(0) }
        }
        guard let found else { throw StoreError("the store at \(path) has lost its revision row; the file is damaged") }
        return found
    }

    /// The whole batch is one transaction: one disk flush however many records it holds.
    public func appendAudit(_ records: [AuditRecord]) throws {
        guard !records.isEmpty else { return }
        let codec = RecordCodec()
        let rows = try records.map { record -> [SQLiteValue] in
            [.real(record.eventTime.timeIntervalSince1970), .text(try codec.encode(record, kind: "audit record"))]
        }
        try writer.withLock { connection in
            try connection.transaction(begin: "BEGIN IMMEDIATE") {
                for row in rows {
                    try connection.run("INSERT INTO audit (event_time, json) VALUES (?, ?)", row)
                }
            }
        }
    }

    /// Records in the order they were appended; with `limit`, the most recent `limit` of them.
    public func auditRecords(since: Date?, limit: Int?) throws -> [AuditRecord] {
        var filter = ""
        var values: [SQLiteValue] = []
        if let since {
            filter = " WHERE event_time >= ?"
            values.append(.real(since.timeIntervalSince1970))
        }
        let sql: String
        if let limit {
            sql = "SELECT json FROM (SELECT seq, json FROM audit\(filter) ORDER BY seq DESC LIMIT ?) ORDER BY seq"
            values.append(.integer(Int64(max(0, limit))))
        } else {
            sql = "SELECT json FROM audit\(filter) ORDER BY seq"
        }
        let texts = try readers.withConnection { connection in
            try connection.query(sql, values) { $0.text(0) ?? "" }
        }
        let codec = RecordCodec()
        return try texts.map { try codec.decode(AuditRecord.self, from: $0, kind: "audit record") }
    }
}
