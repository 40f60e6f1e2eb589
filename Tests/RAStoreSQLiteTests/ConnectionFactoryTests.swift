@testable import RAStoreSQLite
import Testing

/// The per-connection settings that durability and sharing depend on.
@Suite struct ConnectionFactoryTests {
    @Test func writerUsesWALAndFullSynchronousCommits() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("store.db")
        try DatabaseFile.createIfMissing(at: path)
        let factory = ConnectionFactory(path: path, busyTimeout: .milliseconds(2500))
        let writer = try factory.writer()
        #expect(try writer.queryOne("PRAGMA journal_mode") { $0.text(0) } == "wal")
        #expect(try writer.queryOne("PRAGMA synchronous") { $0.int64(0) } == 2)
        #expect(try writer.queryOne("PRAGMA busy_timeout") { $0.int64(0) } == 2500)
        try factory.migrate(writer)
        #expect(try writer.queryOne("PRAGMA user_version") { $0.int64(0) } == SQLiteSchema.currentVersion)
        try factory.migrate(writer)  // a second run finds nothing to do
        #expect(try writer.queryOne("SELECT count(*) FROM meta") { $0.int64(0) } == 1)
    }

    @Test func readersAreQueryOnly() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("store.db")
        try DatabaseFile.createIfMissing(at: path)
        let factory = ConnectionFactory(path: path, busyTimeout: .seconds(1))
        try factory.migrate(try factory.writer())
        let reader = try factory.reader()
        #expect(try reader.queryOne("PRAGMA query_only") { $0.int64(0) } == 1)
        let error = #expect(throws: (any Error).self) { try reader.run("UPDATE meta SET revision = 5") }
        #expect("\(error.map { "\($0)" } ?? "")" == "SQLite error 8 while running 'UPDATE meta SET revision = 5': attempt to write a readonly database")
    }

    @Test func valuesRoundTripThroughBindAndColumn() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("store.db")
        try DatabaseFile.createIfMissing(at: path)
        let connection = try ConnectionFactory(path: path, busyTimeout: .seconds(1)).writer()
        try connection.execute(script: "CREATE TABLE t (i INTEGER, r REAL, s TEXT, b BLOB, n TEXT)")
        let text = "nul\u{0}inside ✓"
        try connection.run("INSERT INTO t VALUES (?, ?, ?, ?, ?)",
                           [.integer(Int64.min), .real(-0.5), .text(text), .blob([0, 255, 7]), .null])
        try connection.run("INSERT INTO t VALUES (?, ?, ?, ?, ?)", [.integer(1), .real(1), .text(""), .blob([]), .null])
        let rows = try connection.query("SELECT i, r, s, b, n FROM t ORDER BY i") { row in
            "\(row.int64(0))|\(row.double(1))|\(row.text(2) ?? "nil")|\(row.blob(3))|\(row.isNull(4))|\(row.text(4) ?? "nil")"
        }
        #expect(rows == ["\(Int64.min)|-0.5|\(text)|[0, 255, 7]|true|nil", "1|1.0||[]|true|nil"])
        #expect(try connection.queryOne("SELECT typeof(b) FROM t WHERE i = 1") { $0.text(0) } == "blob")
    }
}
