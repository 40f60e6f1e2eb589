import Foundation
import Synchronization
import RAPolicy

/// An immutable, parsed snapshot of everything CreateSession reads: anchors (with certificates and
/// CRLs), profiles and roles (with parsed trust policies). Built once per store revision.
public final class TrustState: Sendable {
    public let revision: Int64
    public let anchors: [String: TrustAnchorState]
    public let profiles: [String: Profile]
    public let roles: [String: Role]
    /// Trust policies parsed once; a role whose policy does not parse is absent here (and denied).
    public let trustPolicies: [String: PolicyDocument]

    public init(revision: Int64, reader: any StoreReader) throws {
        self.revision = revision
        let lists = try reader.revocationLists()
        var anchors: [String: TrustAnchorState] = [:]
        for anchor in try reader.trustAnchors() {
            anchors[anchor.trustAnchorArn] = TrustAnchorState(
                anchor: anchor, lists: lists.filter { $0.trustAnchorArn == anchor.trustAnchorArn })
        }
        self.anchors = anchors
        self.profiles = Dictionary(try reader.profiles().map { ($0.profileArn, $0) }, uniquingKeysWith: { a, _ in a })
        let roles = try reader.roles()
        self.roles = Dictionary(roles.map { ($0.arn, $0) }, uniquingKeysWith: { a, _ in a })
        var policies: [String: PolicyDocument] = [:]
        for role in roles {
            if let document = try? PolicyDocument.parse(role.assumeRolePolicyDocument) { policies[role.arn] = document }
        }
        self.trustPolicies = policies
    }
}

/// Keeps the current `TrustState` and rebuilds it when the store's revision moves, so a change
/// made by any process (a deploy, a CRL import, a revocation) is in force at the next request.
public final class TrustStateCache: Sendable {
    private let store: any Store
    private let current = Mutex<TrustState?>(nil)

    public init(store: any Store) { self.store = store }

    public func state() throws -> TrustState {
        let revision = try store.revision()
        if let cached = current.withLock({ $0 }), cached.revision == revision { return cached }
        let fresh = try store.read { try TrustState(revision: revision, reader: $0) }
        current.withLock { $0 = fresh }
        return fresh
    }
}
