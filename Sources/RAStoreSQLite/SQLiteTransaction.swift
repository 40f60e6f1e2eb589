import Foundation
import RACore

/// The reader/writer handed to one `read` or `write` closure, bound to the connection that holds the
/// transaction. It notes whether configuration changed so the store can bump the revision once.
final class SQLiteTransaction: StoreWriter {
    private let connection: SQLiteConnection
    private let writable: Bool
    private let codec = RecordCodec()
    private var isOpen = true
    /// Set by every write except subject updates, mirroring `InMemoryStore`.
    private(set) var changesConfiguration = false

    init(connection: SQLiteConnection, writable: Bool) {
        self.connection = connection
        self.writable = writable
    }

    /// Called when the closure returns; a transaction kept past that point must not touch the connection.
    func close() { isOpen = false }

    // MARK: Reads

    func trustAnchor(id: String) throws -> TrustAnchor? {
        try one(TrustAnchor.self, "SELECT json FROM trust_anchors WHERE id = ?", id, kind: "trust anchor")
    }

    func trustAnchors() throws -> [TrustAnchor] {
        try all(TrustAnchor.self, "SELECT json FROM trust_anchors ORDER BY created_at, id", kind: "trust anchor")
    }

    func profile(id: String) throws -> Profile? {
        try one(Profile.self, "SELECT json FROM profiles WHERE id = ?", id, kind: "profile")
    }

    func profiles() throws -> [Profile] {
        try all(Profile.self, "SELECT json FROM profiles ORDER BY created_at, id", kind: "profile")
    }

    func revocationList(id: String) throws -> RevocationList? {
        try lists("SELECT json, crl_data FROM crls WHERE id = ?", [.text(id)]).first
    }

    func revocationLists() throws -> [RevocationList] {
        try lists("SELECT json, crl_data FROM crls ORDER BY created_at, id", [])
    }

    func role(name: String) throws -> Role? {
        try one(Role.self, "SELECT json FROM roles WHERE name_key = ?", name.lowercased(), kind: "role")
    }

    func roles() throws -> [Role] {
        try all(Role.self, "SELECT json FROM roles ORDER BY role_name, name_key", kind: "role")
    }

    func subject(id: String) throws -> Subject? {
        try one(Subject.self, "SELECT json FROM subjects WHERE id = ?", id, kind: "subject")
    }

    func subject(x509Subject: String) throws -> Subject? {
        try one(Subject.self, "SELECT json FROM subjects WHERE x509_subject = ?", x509Subject, kind: "subject")
    }

    func subjects() throws -> [Subject] {
        try all(Subject.self, "SELECT json FROM subjects ORDER BY created_at, id", kind: "subject")
    }

    func stack(name: String) throws -> Stack? {
        try one(Stack.self, "SELECT json FROM stacks WHERE name = ?", name, kind: "stack")
    }

    func setting(_ key: String) throws -> String? {
        try checkOpen()
        return try connection.queryOne("SELECT value FROM settings WHERE key = ?", [.text(key)]) { $0.text(0) } ?? nil
    }

    // MARK: Writes

    func put(_ anchor: TrustAnchor) throws {
        try change("""
            INSERT INTO trust_anchors (id, created_at, json) VALUES (?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET created_at = excluded.created_at, json = excluded.json
            """, [.text(anchor.trustAnchorId), .real(anchor.createdAt.timeIntervalSince1970),
                  .text(try codec.encode(anchor, kind: "trust anchor"))])
    }

    func deleteTrustAnchor(id: String) throws {
        try change("DELETE FROM trust_anchors WHERE id = ?", [.text(id)])
    }

    func put(_ profile: Profile) throws {
        try change("""
            INSERT INTO profiles (id, created_at, json) VALUES (?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET created_at = excluded.created_at, json = excluded.json
            """, [.text(profile.profileId), .real(profile.createdAt.timeIntervalSince1970),
                  .text(try codec.encode(profile, kind: "profile"))])
    }

    func deleteProfile(id: String) throws {
        try change("DELETE FROM profiles WHERE id = ?", [.text(id)])
    }

    /// The DER bytes go to a BLOB column rather than into the JSON, where each byte would cost up to four.
    func put(_ list: RevocationList) throws {
        var metadata = list
        metadata.crlData = []
        try change("""
            INSERT INTO crls (id, trust_anchor_arn, created_at, json, crl_data) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET trust_anchor_arn = excluded.trust_anchor_arn,
                created_at = excluded.created_at, json = excluded.json, crl_data = excluded.crl_data
            """, [.text(list.crlId), .text(list.trustAnchorArn), .real(list.createdAt.timeIntervalSince1970),
                  .text(try codec.encode(metadata, kind: "CRL")), .blob(list.crlData)])
    }

    func deleteRevocationList(id: String) throws {
        try change("DELETE FROM crls WHERE id = ?", [.text(id)])
    }

    func put(_ role: Role) throws {
        try change("""
            INSERT INTO roles (name_key, role_name, json) VALUES (?, ?, ?)
            ON CONFLICT (name_key) DO UPDATE SET role_name = excluded.role_name, json = excluded.json
            """, [.text(role.roleName.lowercased()), .text(role.roleName), .text(try codec.encode(role, kind: "role"))])
    }

    func deleteRole(name: String) throws {
        try change("DELETE FROM roles WHERE name_key = ?", [.text(name.lowercased())])
    }

    /// Subjects are bookkeeping, not configuration, so they do not bump the revision. Two subjects
    /// may not share a DN: that violates a unique index and throws.
    func put(_ subject: Subject) throws {
        try checkWritable()
        try connection.run("""
            INSERT INTO subjects (id, x509_subject, created_at, json) VALUES (?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET x509_subject = excluded.x509_subject,
                created_at = excluded.created_at, json = excluded.json
            """, [.text(subject.subjectId), .text(subject.x509Subject), .real(subject.createdAt.timeIntervalSince1970),
                  .text(try codec.encode(subject, kind: "subject"))])
    }

    func put(_ stack: Stack) throws {
        try change("""
            INSERT INTO stacks (name, json) VALUES (?, ?)
            ON CONFLICT (name) DO UPDATE SET json = excluded.json
            """, [.text(stack.stackName), .text(try codec.encode(stack, kind: "stack"))])
    }

    func deleteStack(name: String) throws {
        try change("DELETE FROM stacks WHERE name = ?", [.text(name)])
    }

    func setSetting(_ key: String, _ value: String?) throws {
        if let value {
            try change("""
                INSERT INTO settings (key, value) VALUES (?, ?)
                ON CONFLICT (key) DO UPDATE SET value = excluded.value
                """, [.text(key), .text(value)])
        } else {
            try change("DELETE FROM settings WHERE key = ?", [.text(key)])
        }
    }

    // MARK: Helpers

    private func one<T: Decodable>(_ type: T.Type, _ sql: String, _ key: String, kind: String) throws -> T? {
        try checkOpen()
        guard let text = try connection.queryOne(sql, [.text(key)], { $0.text(0) ?? "" }) else { return nil }
        return try codec.decode(type, from: text, kind: kind)
    }

    private func all<T: Decodable>(_ type: T.Type, _ sql: String, kind: String) throws -> [T] {
        try checkOpen()
        let texts = try connection.query(sql) { $0.text(0) ?? "" }
        return try texts.map { try codec.decode(type, from: $0, kind: kind) }
    }

    private func lists(_ sql: String, _ values: [SQLiteValue]) throws -> [RevocationList] {
        try checkOpen()
        let rows = try connection.query(sql, values) { ($0.text(0) ?? "", $0.blob(1)) }
        return try rows.map { text, bytes in
            var list = try codec.decode(RevocationList.self, from: text, kind: "CRL")
            list.crlData = bytes
            return list
        }
    }

    /// A write to configuration: runs `sql` and marks the revision for a bump at commit.
    private func change(_ sql: String, _ values: [SQLiteValue]) throws {
        try checkWritable()
        try connection.run(sql, values)
        changesConfiguration = true
    }

    private func checkWritable() throws {
        try checkOpen()
        guard writable else { throw StoreError("a write was attempted inside Store.read; use Store.write") }
    }

    private func checkOpen() throws {
        guard isOpen else { throw StoreError("a store transaction was used after its closure returned") }
    }
}
