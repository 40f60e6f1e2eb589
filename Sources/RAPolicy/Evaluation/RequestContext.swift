/// Everything a policy can ask about one request.
///
/// Condition key names are case-insensitive in IAM (`aws:principaltag/x509Subject/OU` and
/// `aws:PrincipalTag/x509Subject/OU` are the same key), and that includes the tag-key part after
/// the slash: the whole key is compared case-insensitively. The server never produces two tags that
/// differ only in case (STS rejects that), so nothing is lost. If `keys` does hold such a pair, the
/// one whose name sorts first (byte order) wins, deterministically.
///
/// The evaluator reads no clock and no environment: time-based keys (`aws:CurrentTime`,
/// `aws:EpochTime`) are present only if the caller puts them here.
public struct RequestContext: Sendable {
    /// The caller; nil for identity-policy evaluation, where only statements without
    /// `Principal`/`NotPrincipal` can apply.
    public var principal: Principal?
    /// `service:Action`, e.g. `sts:AssumeRole`; compared case-insensitively.
    public var action: String
    /// The resource ARN, e.g. the role being assumed; compared case-sensitively.
    public var resource: String
    /// Condition keys and their values, as given (original spelling kept for explanations).
    public var keys: [String: ContextValue] {
        didSet { index = Self.makeIndex(keys) }
    }

    private var index: [String: ContextValue]

    /// `keys` defaults to none, which is what a trust policy without conditions needs.
    public init(principal: Principal?, action: String, resource: String, keys: [String: ContextValue] = [:]) {
        self.principal = principal
        self.action = action
        self.resource = resource
        self.keys = keys
        self.index = Self.makeIndex(keys)
    }

    /// Looks a condition key up case-insensitively.
    public func value(forKey key: String) -> ContextValue? {
        index[key.lowercased()]
    }

    private static func makeIndex(_ keys: [String: ContextValue]) -> [String: ContextValue] {
        var index: [String: ContextValue] = [:]
        for name in keys.keys.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) {
            let folded = name.lowercased()
            if index[folded] == nil, let value = keys[name] { index[folded] = value }
        }
        return index
    }
}
