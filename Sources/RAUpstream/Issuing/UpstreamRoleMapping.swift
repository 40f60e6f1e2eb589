/// Which upstream role stands behind a role of this server.
///
/// Our role ARNs carry our own account ID, which the upstream does not know. An explicit map
/// covers arbitrary pairs; `accountId` (and `partition`) re-home every other role under the
/// upstream account keeping its path and name, the common case of mirrored role names.
public struct UpstreamRoleMapping: Sendable, Equatable {
    /// Our role ARN → upstream role ARN; checked first.
    public var roleArns: [String: String]
    /// When set, unmapped roles are assumed in this upstream account.
    public var accountId: String?
    /// When set, unmapped roles use this partition (`aws`, `aws-cn`, `aws-us-gov`).
    public var partition: String?

    public init(roleArns: [String: String] = [:], accountId: String? = nil, partition: String? = nil) {
        self.roleArns = roleArns
        self.accountId = accountId
        self.partition = partition
    }

    /// The ARN to send as `RoleArn`. Unmapped ARNs that do not parse are passed through unchanged
    /// (the upstream will say what is wrong).
    public func upstreamRoleArn(for localRoleArn: String) -> String {
        if let mapped = roleArns[localRoleArn] { return mapped }
        guard accountId != nil || partition != nil else { return localRoleArn }
        let sections = localRoleArn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false).map(String.init)
        guard sections.count == 6, sections[0] == "arn" else { return localRoleArn }
        return ["arn", partition ?? sections[1], sections[2], sections[3], accountId ?? sections[4], sections[5]]
            .joined(separator: ":")
    }
}
