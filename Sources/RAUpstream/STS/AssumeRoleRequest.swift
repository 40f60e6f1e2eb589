import RACore

/// The parameters of STS `AssumeRole`, in the order they are sent.
public struct AssumeRoleRequest: Sendable, Equatable {
    public var roleArn: String
    public var roleSessionName: String
    public var durationSeconds: Int?
    public var sourceIdentity: String?
    /// Session tags, already within STS's limits (see ``SessionTagLimits``).
    public var tags: [Tag]
    /// Session policy JSON; it can only narrow what the role allows.
    public var policy: String?
    /// Managed session policies (`PolicyArns.member.N.arn`).
    public var policyArns: [String]

    public init(roleArn: String, roleSessionName: String, durationSeconds: Int? = nil, sourceIdentity: String? = nil,
                tags: [Tag] = [], policy: String? = nil, policyArns: [String] = []) {
        self.roleArn = roleArn
        self.roleSessionName = roleSessionName
        self.durationSeconds = durationSeconds
        self.sourceIdentity = sourceIdentity
        self.tags = tags
        self.policy = policy
        self.policyArns = policyArns
    }

    /// The query parameters after `Action` and `Version`, lists numbered from 1 as the query
    /// protocol does.
    public var parameters: [(name: String, value: String)] {
        var pairs: [(name: String, value: String)] = [("RoleArn", roleArn), ("RoleSessionName", roleSessionName)]
        if let durationSeconds { pairs.append(("DurationSeconds", String(durationSeconds))) }
        if let sourceIdentity { pairs.append(("SourceIdentity", sourceIdentity)) }
        if let policy { pairs.append(("Policy", policy)) }
        for (index, arn) in policyArns.enumerated() {
            pairs.append(("PolicyArns.member.\(index + 1).arn", arn))
        }
        for (index, tag) in tags.enumerated() {
            pairs.append(("Tags.member.\(index + 1).Key", tag.key))
            pairs.append(("Tags.member.\(index + 1).Value", tag.value))
        }
        return pairs
    }
}
