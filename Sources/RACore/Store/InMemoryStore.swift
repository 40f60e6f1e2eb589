import Foundation
import Synchronization

/// The reference store: plain dictionaries behind a mutex. Tests use it; it defines the semantics
/// every durable backend must match (the conformance suite runs against all of them).
public final class InMemoryStore: Store {
    struct State: Sendable {
        var anchors: [String: TrustAnchor] = [:]
        var profiles: [String: Profile] = [:]
        var lists: [String: RevocationList] = [:]
        var roles: [String: Role] = [:]
        var subjects: [String: Subject] = [:]
        var stacks: [String: Stack] = [:]
        var settings: [String: String] = [:]
        var audit: [AuditRecord] = []
        var revision: Int64 = 0
    }

    private let state = Mutex(State())

    public init() {}

    public func read<T>(_ body: (any StoreReader) throws -> T) throws -> T {
        let snapshot = state.withLock { $0 }
        return try body(Transaction(state: snapshot))
    }

    public func write<T>(_ body: (any StoreWriter) throws -> T) throws -> T {
        try state.withLock { current in
            let transaction = Transaction(state: current)
            let result = try body(transaction)
            if transaction.dirty {
                if transaction.changed { transaction.state.revision = current.revision + 1 }
                transaction.state.audit = current.audit
                current = transaction.state
            }
            return result
        }
    }

    public func revision() throws -> Int64 { state.withLock { $0.revision } }

    public func appendAudit(_ records: [AuditRecord]) throws {
        state.withLock { $0.audit.append(contentsOf: records) }
    }

    public func auditRecords(since: Date?, limit: Int?) throws -> [AuditRecord] {
        let all = state.withLock { $0.audit }
        let filtered = all.filter { since == nil || $0.eventTime >= since! }
        if let limit { return Array(filtered.suffix(limit)) }
        return filtered
    }

    /// Copy-on-write working state for one closure; committed only if the closure returns.
    final class Transaction: StoreWriter {
        var state: State
        /// Set by any write; `changed` only by writes to configuration (not subjects), which is
        /// what bumps the revision that caches watch.
        var dirty = false
        var changed = false { didSet { if changed { dirty = true } } }
        init(state: State) { self.state = state }

        func trustAnchor(id: String) throws -> TrustAnchor? { state.anchors[id] }
        func trustAnchors() throws -> [TrustAnchor] { state.anchors.values.sorted { $0.createdAt < $1.createdAt } }
        func profile(id: String) throws -> Profile? { state.profiles[id] }
        func profiles() throws -> [Profile] { state.profiles.values.sorted { $0.createdAt < $1.createdAt } }
        func revocationList(id: String) throws -> RevocationList? { state.lists[id] }
        func revocationLists() throws -> [RevocationList] { state.lists.values.sorted { $0.createdAt < $1.createdAt } }
        func role(name: String) throws -> Role? { state.roles[name.lowercased()] }
        func roles() throws -> [Role] { state.roles.values.sorted { $0.roleName < $1.roleName } }
        func subject(id: String) throws -> Subject? { state.subjects[id] }
        func subject(x509Subject: String) throws -> Subject? { state.subjects.values.first { $0.x509Subject == x509Subject } }
        func subjects() throws -> [Subject] { state.subjects.values.sorted { $0.createdAt < $1.createdAt } }
        func stack(name: String) throws -> Stack? { state.stacks[name] }
        func setting(_ key: String) throws -> String? { state.settings[key] }

        func put(_ anchor: TrustAnchor) throws { state.anchors[anchor.trustAnchorId] = anchor; changed = true }
        func deleteTrustAnchor(id: String) throws { state.anchors[id] = nil; changed = true }
        func put(_ profile: Profile) throws { state.profiles[profile.profileId] = profile; changed = true }
        func deleteProfile(id: String) throws { state.profiles[id] = nil; changed = true }
        func put(_ list: RevocationList) throws { state.lists[list.crlId] = list; changed = true }
        func deleteRevocationList(id: String) throws { state.lists[id] = nil; changed = true }
        func put(_ role: Role) throws { state.roles[role.roleName.lowercased()] = role; changed = true }
        func deleteRole(name: String) throws { state.roles[name.lowercased()] = nil; changed = true }
        func put(_ subject: Subject) throws { state.subjects[subject.subjectId] = subject; dirty = true }
        func put(_ stack: Stack) throws { state.stacks[stack.stackName] = stack; changed = true }
        func deleteStack(name: String) throws { state.stacks[name] = nil; changed = true }
        func setSetting(_ key: String, _ value: String?) throws { state.settings[key] = value; changed = true }
    }
}
