import Foundation

/// Durable state behind the service. Implementations: `InMemoryStore` (tests), SQLite (default).
///
/// Reads and writes happen inside a closure so a backend can give each one a consistent
/// snapshot and make a group of writes atomic (a `deploy` applies all or nothing).
public protocol Store: Sendable {
    func read<T>(_ body: (any StoreReader) throws -> T) throws -> T
    /// Runs `body` atomically: if it throws, nothing it wrote remains.
    func write<T>(_ body: (any StoreWriter) throws -> T) throws -> T
    /// A number that changes whenever a committed write (from any process) changes configuration:
    /// anchors, profiles, CRLs, roles, stacks, settings. Subject updates do not change it. Caches
    /// compare it to know when to reload.
    func revision() throws -> Int64
    /// Appends audit records; they are durable when this returns.
    func appendAudit(_ records: [AuditRecord]) throws
    func auditRecords(since: Date?, limit: Int?) throws -> [AuditRecord]
}

/// The read side of a store transaction.
public protocol StoreReader {
    func trustAnchor(id: String) throws -> TrustAnchor?
    func trustAnchors() throws -> [TrustAnchor]
    func profile(id: String) throws -> Profile?
    func profiles() throws -> [Profile]
    func revocationList(id: String) throws -> RevocationList?
    func revocationLists() throws -> [RevocationList]
    func role(name: String) throws -> Role?
    func roles() throws -> [Role]
    func subject(id: String) throws -> Subject?
    func subject(x509Subject: String) throws -> Subject?
    func subjects() throws -> [Subject]
    func stack(name: String) throws -> Stack?
    /// A small key-value space for server settings (e.g. the bootstrap state).
    func setting(_ key: String) throws -> String?
}

/// The write side of a store transaction. `put` inserts or replaces by id (roles by name).
public protocol StoreWriter: StoreReader {
    func put(_ anchor: TrustAnchor) throws
    func deleteTrustAnchor(id: String) throws
    func put(_ profile: Profile) throws
    func deleteProfile(id: String) throws
    func put(_ list: RevocationList) throws
    func deleteRevocationList(id: String) throws
    func put(_ role: Role) throws
    func deleteRole(name: String) throws
    func put(_ subject: Subject) throws
    func put(_ stack: Stack) throws
    func deleteStack(name: String) throws
    func setSetting(_ key: String, _ value: String?) throws
}

/// A store-level failure (I/O, corruption, constraint), with a message for the operator.
public struct StoreError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
