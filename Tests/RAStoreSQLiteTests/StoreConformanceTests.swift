import RACore
import RAStoreSQLite
import RATestSupport
import Testing

/// The shared store checks, against the reference store and against SQLite on a temporary file.
@Suite struct StoreConformanceTests {
    @Test(arguments: StoreConformance.checks)
    func inMemoryStore(_ check: StoreConformance.Check) throws {
        try check.run(on: InMemoryStore())
    }

    @Test(arguments: StoreConformance.checks)
    func sqliteStore(_ check: StoreConformance.Check) throws {
        let directory = try TemporaryDirectory()
        try check.run(on: SQLiteStore(path: directory.path("store.db")))
    }

    @Test func wholeSuiteOnOneFilePerCheck() throws {
        let directory = try TemporaryDirectory()
        var opened = 0
        try StoreConformance.run {
            opened += 1
            return try SQLiteStore(path: directory.path("store-\(opened).db"))
        }
        #expect(opened == StoreConformance.checks.count)
    }
}
