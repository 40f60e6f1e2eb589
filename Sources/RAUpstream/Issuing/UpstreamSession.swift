import RACore

/// The outcome of one upstream `AssumeRole` for a grant, with what the audit record needs.
public struct UpstreamSession: Sendable {
    /// What the workload receives.
    public var credentials: IssuedCredentials
    /// The role actually assumed upstream (after mapping).
    public var upstreamRoleArn: String
    /// The upstream's assumed-role ARN (`arn:aws:sts::UPSTREAM:assumed-role/…`), when reported.
    public var assumedRoleArn: String?
    public var assumedRoleId: String?
    /// The source identity actually sent, nil when none was.
    public var sourceIdentity: String?
    /// Adjustments made to fit STS's limits, and other facts worth recording (one sentence each).
    public var notes: [String]
    public var requestId: String?
    public var attempts: Int

    public init(credentials: IssuedCredentials, upstreamRoleArn: String, assumedRoleArn: String?, assumedRoleId: String?,
                sourceIdentity: String?, notes: [String], requestId: String?, attempts: Int) {
        self.credentials = credentials
        self.upstreamRoleArn = upstreamRoleArn
        self.assumedRoleArn = assumedRoleArn
        self.assumedRoleId = assumedRoleId
        self.sourceIdentity = sourceIdentity
        self.notes = notes
        self.requestId = requestId
        self.attempts = attempts
    }
}
