import RACore

/// The tables, and how a database file gets from any older version to the current one.
///
/// `PRAGMA user_version` records how many migrations have run. Each record is stored as JSON text,
/// plus the few columns that lookups and ordering need, so adding an optional field to a model type
/// needs no migration.
enum SQLiteSchema {
    /// Migration `n` takes the schema from version `n` to `n + 1`. Append only; never edit one that shipped.
    static let migrations: [String] = [
        """
        CREATE TABLE meta (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            revision INTEGER NOT NULL
        );
        INSERT INTO meta (id, revision) VALUES (1, 0);
        CREATE TABLE trust_anchors (
            id TEXT PRIMARY KEY NOT NULL,
            created_at REAL NOT NULL,
            json TEXT NOT NULL
        );
        CREATE TABLE profiles (
            id TEXT PRIMARY KEY NOT NULL,
            created_at REAL NOT NULL,
            json TEXT NOT NULL
        );
        CREATE TABLE crls (
            id TEXT PRIMARY KEY NOT NULL,
            trust_anchor_arn TEXT NOT NULL,
            created_at REAL NOT NULL,
            json TEXT NOT NULL,
            crl_data BLOB NOT NULL
        );
        CREATE TABLE roles (
            name_key TEXT PRIMARY KEY NOT NULL,
            role_name TEXT NOT NULL,
            json TEXT NOT NULL
        );
        CREATE TABLE subjects (
            id TEXT PRIMARY KEY NOT NULL,
            x509_subject TEXT NOT NULL,
            created_at REAL NOT NULL,
            json TEXT NOT NULL
        );
        CREATE UNIQUE INDEX subjects_x509_subject ON subjects (x509_subject);
        CREATE TABLE stacks (
            name TEXT PRIMARY KEY NOT NULL,
            json TEXT NOT NULL
        );
        CREATE TABLE settings (
            key TEXT PRIMARY KEY NOT NULL,
            value TEXT NOT NULL
        );
        CREATE TABLE audit (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            event_time REAL NOT NULL,
            json TEXT NOT NULL
        );
        CREATE INDEX audit_event_time ON audit (event_time);
        """,
    ]

    static var currentVersion: Int64 { Int64(migrations.count) }

    /// Brings the file to `currentVersion`. Safe when several processes open a new file at once: the
    /// version is re-read under the write lock, so only the first one migrates.
    static func migrate(_ connection: SQLiteConnection) throws {
        guard try version(of: connection) != currentVersion else { return }
        try connection.transaction(begin: "BEGIN IMMEDIATE") {
            let found = try version(of: connection)
            guard found < currentVersion else { return }
            for migration in migrations[Int(found)...] {
                try connection.execute(script: migration)
            }
            try connection.execute(script: "PRAGMA user_version = \(currentVersion)")
        }
    }

    private static func version(of connection: SQLiteConnection) throws -> Int64 {
        let found = try connection.queryOne("PRAGMA user_version") { $0.int64(0) } ?? 0
        guard found >= 0, found <= currentVersion else {
            throw StoreError("the database has schema version \(found), newer than this build understands "
                + "(\(currentVersion)); use a newer rolesanywhere")
        }
        return found
    }
}
