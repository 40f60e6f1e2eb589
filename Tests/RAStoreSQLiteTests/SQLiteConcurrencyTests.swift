import Dispatch
import Foundation
import RACore
import RAStoreSQLite
import Synchronization
import Testing

/// Several threads and several connections (standing in for other processes) on one file.
@Suite struct SQLiteConcurrencyTests {
    private static func record(thread: Int, index: Int) -> AuditRecord {
        AuditRecord(eventId: "\(thread)-\(index)", eventTime: Date(timeIntervalSince1970: 1_767_225_600 + Double(index)),
                    eventName: "CreateSession", awsRegion: "us-east-1", sourceIPAddress: "127.0.0.1",
                    userAgent: "thread \(thread)", requestId: "req-\(thread)-\(index)")
    }

    @Test func concurrentAuditAppendsLoseNothing() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("store.db")
        // Two instances: threads share one within the process, and the two contend like two processes.
        let stores = [try SQLiteStore(path: path), try SQLiteStore(path: path)]
        let threads = 8, perThread = 200
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            for index in 0..<perThread {
                do {
                    try stores[thread % 2].appendAudit([Self.record(thread: thread, index: index)])
                } catch {
                    failures.withLock { $0.append("\(thread)-\(index): \(error)") }
                }
            }
        }
        #expect(failures.withLock { $0 } == [])
        let records = try stores[0].auditRecords(since: nil, limit: nil)
        #expect(records.count == threads * perThread)
        #expect(Set(records.map(\.eventId)).count == threads * perThread)
        for thread in 0..<threads {
            let own = records.filter { $0.userAgent == "thread \(thread)" }.map(\.requestId)
            #expect(own == (0..<perThread).map { "req-\(thread)-\($0)" }, "thread \(thread) keeps its order")
        }
        #expect(try stores[1].revision() == 0)
    }

    @Test func concurrentConfigurationWritesEachBumpTheRevisionOnce() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("store.db")
        let stores = [try SQLiteStore(path: path), try SQLiteStore(path: path)]
        let threads = 8, perThread = 25
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            var seen: Int64 = -1
            for index in 0..<perThread {
                let store = stores[(thread + index) % 2]
                do {
                    try store.write { writer in
                        let count = Int(try writer.setting("count") ?? "0") ?? -1_000_000
                        try writer.setSetting("count", String(count + 1))
                    }
                    let revision = try store.revision()
                    if revision <= seen { failures.withLock { $0.append("revision went from \(seen) to \(revision)") } }
                    seen = revision
                } catch {
                    failures.withLock { $0.append("\(thread)-\(index): \(error)") }
                }
            }
        }
        #expect(failures.withLock { $0 } == [])
        #expect(try stores[1].read { try $0.setting("count") } == "200")
        #expect(try stores[0].revision() == 200)
    }

    @Test func simultaneousOpensOfANewFileMigrateOnce() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("store.db")
        let failures = Mutex<[String]>([])
        let opened = Mutex<[SQLiteStore]>([])
        DispatchQueue.concurrentPerform(iterations: 8) { thread in
            do {
                let store = try SQLiteStore(path: path)
                try store.write { try $0.setSetting("opened-by-\(thread)", "yes") }
                opened.withLock { $0.append(store) }
            } catch {
                failures.withLock { $0.append("\(thread): \(error)") }
            }
        }
        #expect(failures.withLock { $0 } == [])
        let store = try SQLiteStore(path: path)
        #expect(try store.revision() == 8)
        for thread in 0..<8 {
            #expect(try store.read { try $0.setting("opened-by-\(thread)") } == "yes")
        }
    }

    @Test func readersRunWhileAnotherConnectionHoldsTheWriteLock() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("store.db")
        let server = try SQLiteStore(path: path)
        let deploy = try SQLiteStore(path: path, busyTimeout: .seconds(10))
        try server.write { try $0.setSetting("k", "before") }
        let inside = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let finished = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            try? deploy.write { writer in
                try writer.setSetting("k", "after")
                inside.signal()
                release.wait()
            }
            finished.signal()
        }
        inside.wait()
        // The other connection is mid-transaction: reads see the last commit and do not wait.
        #expect(try server.read { try $0.setting("k") } == "before")
        #expect(try server.revision() == 1)
        release.signal()
        finished.wait()
        #expect(try server.read { try $0.setting("k") } == "after")
        #expect(try server.revision() == 2)
    }

    @Test func writerGivesUpAfterTheBusyTimeout() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("store.db")
        let holder = try SQLiteStore(path: path)
        let impatient = try SQLiteStore(path: path, busyTimeout: .milliseconds(100))
        let inside = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let finished = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            try? holder.write { _ in
                inside.signal()
                release.wait()
            }
            finished.signal()
        }
        inside.wait()
        let error = #expect(throws: StoreError.self) { try impatient.write { try $0.setSetting("k", "v") } }
        #expect(error?.message == "SQLite error 5 while running 'BEGIN IMMEDIATE': database is locked")
        release.signal()
        finished.wait()
        try impatient.write { try $0.setSetting("k", "v") }
        #expect(try holder.read { try $0.setting("k") } == "v")
    }
}
