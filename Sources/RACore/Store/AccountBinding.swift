import Foundation

/// The account id and region a store belongs to.
///
/// Every ARN `deploy` mints and every scope `serve` checks embeds both, so a data dir must keep
/// answering as the account it was first opened as: the first command that opens it with them
/// records them as settings, and every later command reads them back instead of its own defaults.
public struct AccountBinding: Sendable, Equatable, CustomStringConvertible {
    public static let accountIdKey = "accountId"
    public static let regionKey = "region"

    public var accountId: String
    public var region: String

    public init(accountId: String, region: String) {
        self.accountId = accountId
        self.region = region
    }

    public var description: String { "account \(accountId) in \(region)" }

    /// What `store` remembers, or nil when no command has recorded a binding yet.
    public static func recorded(in store: any Store) throws -> AccountBinding? {
        try store.read { tx in
            guard let accountId = try tx.setting(accountIdKey), let region = try tx.setting(regionKey) else { return nil }
            return AccountBinding(accountId: accountId, region: region)
        }
    }

    /// The binding a command must use. `accountId`/`region` are the values given explicitly (nil:
    /// not given); without a recorded binding they, or `defaults`, become it, and are written when
    /// `record` is true. A given value that differs from the recorded one is refused, so one data
    /// dir never holds ARNs of two accounts.
    public static func resolve(in store: any Store, accountId: String?, region: String?, defaults: AccountBinding,
                               record: Bool) throws -> AccountBinding {
        let read = { (tx: any StoreReader) throws -> (String?, String?) in
            (try tx.setting(accountIdKey), try tx.setting(regionKey))
        }
        let choose = { (stored: (String?, String?)) throws -> AccountBinding in
            let binding = AccountBinding(accountId: stored.0 ?? accountId ?? defaults.accountId,
                                         region: stored.1 ?? region ?? defaults.region)
            var differing: [String] = []
            if let accountId, let recorded = stored.0, recorded != accountId { differing.append("--account-id \(accountId)") }
            if let region, let recorded = stored.1, recorded != region { differing.append("--region \(region)") }
            if !differing.isEmpty {
                throw AccountBindingMismatch(recorded: binding, differing: differing)
            }
            return binding
        }
        guard record else { return try choose(try store.read(read)) }
        return try store.write { tx in
            let stored = try read(tx)
            let binding = try choose(stored)
            if stored.0 == nil { try tx.setSetting(accountIdKey, binding.accountId) }
            if stored.1 == nil { try tx.setSetting(regionKey, binding.region) }
            return binding
        }
    }
}

/// A command asked for another account or region than the data dir belongs to.
public struct AccountBindingMismatch: Error, Sendable, Equatable, CustomStringConvertible {
    public var recorded: AccountBinding
    /// The offending flags with their values, e.g. `--region us-east-1`.
    public var differing: [String]

    public var message: String {
        "this data dir belongs to \(recorded); \(differing.joined(separator: " and ")) \(differing.count == 1 ? "differs" : "differ")"
            + " (omit the flag to use the data dir's, or give another --data-dir)"
    }

    public var description: String { message }
}
