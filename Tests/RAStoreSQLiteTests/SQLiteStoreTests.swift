import Foundation
import RACore
import RAStoreSQLite
import Testing

/// What the SQLite backend adds beyond the shared conformance checks: durability on disk, sharing
/// the file with other connections, file permissions and clear errors for bad files.
@Suite struct SQLiteStoreTests {
    private static let time = Date(timeIntervalSince1970: 1_767_225_600)

    private static func anchor(_ id: String, name: String = "anchor") -> TrustAnchor {
        TrustAnchor(trustAnchorId: id, trustAnchorArn: "arn:aws:rolesanywhere:us-east-1:123456789012:trust-anchor/\(id)",
                    name: name, enabled: true, source: .init(sourceType: .certificateBundle, x509CertificateData: "PEM"),
                    createdAt: time, updatedAt: time)
    }

    private static func subject(_ id: String, dn: String) -> Subject {
        Subject(subjectId: id, subjectArn: "arn:aws:rolesanywhere:us-east-1:123456789012:subject/\(id)", x509Subject: dn,
                createdAt: time, updatedAt: time, lastSeenAt: time)
    }

    private static func record(_ id: String) -> AuditRecord {
        AuditRecord(eventId: id, eventTime: time, eventName: "CreateSession", awsRegion: "us-east-1",
                    sourceIPAddress: "127.0.0.1", userAgent: "test", requestId: "req-\(id)")
    }

    @Test func dataPersistsAcrossCloseAndReopen() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("store.db")
        var revision: Int64 = 0
        do {
            let store = try SQLiteStore(path: path)
            try store.write { writer in
                try writer.put(Self.anchor("ta-1"))
                try writer.setSetting("bootstrap", "done")
            }
            try store.write { try $0.put(Self.subject("sub-1", dn: "CN=a")) }
            try store.appendAudit([Self.record("e1"), Self.record("e2")])
            revision = try store.revision()
        }
        let reopened = try SQLiteStore(path: path)
        #expect(revision == 1)
        #expect(try reopened.revision() == 1)
        #expect(try reopened.read { try $0.trustAnchor(id: "ta-1") } == Self.anchor("ta-1"))
        #expect(try reopened.read { try $0.setting("bootstrap") } == "done")
        #expect(try reopened.read { try $0.subject(x509Subject: "CN=a")?.subjectId } == "sub-1")
        #expect(try reopened.auditRecords(since: nil, limit: nil).map(\.eventId) == ["e1", "e2"])
    }

    @Test func secondInstanceSeesWritesOfTheFirst() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("store.db")
        let server = try SQLiteStore(path: path)
        let deploy = try SQLiteStore(path: path)
        #expect(try server.revision() == 0)

        try deploy.write { try $0.put(Self.anchor("ta-1", name: "from deploy")) }
        #expect(try server.revision() == 1)
        #expect(try server.read { try $0.trustAnchor(id: "ta-1")?.name } == "from deploy")

        try server.write { try $0.put(Self.anchor("ta-1", name: "from server")) }
        #expect(try deploy.revision() == 2)
        #expect(try deploy.read { try $0.trustAnchor(id: "ta-1")?.name } == "from server")

        try deploy.write { try $0.put(Self.subject("sub-1", dn: "CN=seen")) }
        #expect(try server.revision() == 2)
        #expect(try server.read { try $0.subject(x509Subject: "CN=seen")?.subjectId } == "sub-1")

        try server.appendAudit([Self.record("e1")])
        #expect(try deploy.auditRecords(since: nil, limit: nil).map(\.eventId) == ["e1"])
    }

    @Test func databaseAndCompanionFilesAreOwnerOnly() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("store.db")
        let store = try SQLiteStore(path: path)
        try store.write { try $0.setSetting("k", "v") }
        for file in [path, path + "-wal", path + "-shm"] {
            let attributes = try FileManager.default.attributesOfItem(atPath: file)
            let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue
            #expect(mode == 0o600, "mode of \(file)")
        }
        #expect(try store.read { try $0.setting("k") } == "v")
    }

    @Test func fileThatIsNotADatabaseIsRefusedClearly() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("notes.txt")
        let text = String(repeating: "these are notes, not a database\n", count: 200)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: StoreError.self) { try SQLiteStore(path: path) }
        #expect(error?.message == "cannot open store at \(path): the file is not a SQLite database")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == text, "the file must be left untouched")
    }

    @Test func missingDirectoryGivesAClearError() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("absent/store.db")
        let error = #expect(throws: StoreError.self) { try SQLiteStore(path: path) }
        #expect(error?.message == "cannot create store file at \(path): No such file or directory")
    }

    @Test func schemaNewerThanThisBuildIsRefused() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("store.db")
        do { _ = try SQLiteStore(path: path) }  // closing checkpoints the WAL into the file
        // user_version is the big-endian 32-bit integer at offset 60 of the database header.
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        bytes.replaceSubrange(60..<64, with: [0, 0, 0, 99])
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: StoreError.self) { try SQLiteStore(path: path) }
        #expect(error?.message == "cannot open store at \(path): the database has schema version 99, "
            + "newer than this build understands (1); use a newer rolesanywhere")
    }

    @Test func writesInsideReadAreRefused() throws {
        let directory = try TemporaryDirectory()
        let store = try SQLiteStore(path: directory.path("store.db"))
        let error = #expect(throws: StoreError.self) {
            try store.read { reader in try (reader as? any StoreWriter)?.setSetting("k", "v") }
        }
        #expect(error?.message == "a write was attempted inside Store.read; use Store.write")
        #expect(try store.read { try $0.setting("k") } == nil)
    }

    @Test func transactionCannotBeUsedAfterItsClosure() throws {
        let directory = try TemporaryDirectory()
        let store = try SQLiteStore(path: directory.path("store.db"))
        let leaked = try store.write { $0 }
        let error = #expect(throws: StoreError.self) { try leaked.setSetting("k", "v") }
        #expect(error?.message == "a store transaction was used after its closure returned")
        #expect(try store.read { try $0.setting("k") } == nil)
    }

    @Test func twoSubjectsWithOneDNAreRefusedAndTheWriteRolledBack() throws {
        let directory = try TemporaryDirectory()
        let store = try SQLiteStore(path: directory.path("store.db"))
        try store.write { try $0.put(Self.subject("sub-1", dn: "CN=same")) }
        let error = #expect(throws: StoreError.self) {
            try store.write { writer in
                try writer.setSetting("k", "v")
                try writer.put(Self.subject("sub-2", dn: "CN=same"))
            }
        }
        #expect(error?.message == "SQLite error 2067 while running 'INSERT INTO subjects (id, x509_subject, created_at, "
            + "json) VALUES (?, ?, ?, ?)': UNIQUE constraint failed: subjects.x509_subject")
        #expect(try store.read { try $0.subjects().map(\.subjectId) } == ["sub-1"])
        #expect(try store.read { try $0.setting("k") } == nil)
        #expect(try store.revision() == 0)
    }

    @Test(arguments: ["", ":memory:"])
    func pathIsRequired(_ path: String) throws {
        let error = #expect(throws: StoreError.self) { try SQLiteStore(path: path) }
        #expect(error?.message == "the SQLite store needs a file path, not '\(path)'")
    }
}
