import Foundation

/// Everything decided about a session before credentials exist: the input of the issuing step.
public struct SessionGrant: Sendable {
    public var accountId: String
    public var role: Role
    public var sessionName: String
    public var durationSeconds: Int
    public var sourceIdentity: String
    public var tags: [Tag]
    public var sessionPolicy: String?
    public var managedPolicyArns: [String]
    /// The trust anchor ARN (`aws:SourceArn` at assume time).
    public var sourceArn: String
    public var issuedAt: Date

    public init(accountId: String, role: Role, sessionName: String, durationSeconds: Int, sourceIdentity: String,
                tags: [Tag], sessionPolicy: String?, managedPolicyArns: [String], sourceArn: String, issuedAt: Date) {
        self.accountId = accountId
        self.role = role
        self.sessionName = sessionName
        self.durationSeconds = durationSeconds
        self.sourceIdentity = sourceIdentity
        self.tags = tags
        self.sessionPolicy = sessionPolicy
        self.managedPolicyArns = managedPolicyArns
        self.sourceArn = sourceArn
        self.issuedAt = issuedAt
    }

    /// `arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION`
    public var assumedRoleArn: String { "arn:aws:sts::\(accountId):assumed-role/\(role.roleName)/\(sessionName)" }
    /// `ROLEID:SESSION`
    public var assumedRoleId: String { "\(role.roleId):\(sessionName)" }
    public var expiration: Date { issuedAt.addingTimeInterval(TimeInterval(durationSeconds)) }
}

/// Short-lived credentials as handed to the workload.
public struct IssuedCredentials: Sendable {
    public var accessKeyId: String
    public var secretAccessKey: String
    public var sessionToken: String
    public var expiration: Date
    public var packedPolicySize: Int

    public init(accessKeyId: String, secretAccessKey: String, sessionToken: String, expiration: Date, packedPolicySize: Int) {
        self.accessKeyId = accessKeyId
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
        self.expiration = expiration
        self.packedPolicySize = packedPolicySize
    }
}

/// The step that turns an approved grant into credentials. The server mints its own
/// (`LocalCredentialIssuer`); an upstream STS can stand behind the same protocol per role.
public protocol CredentialIssuer: Sendable {
    func issue(_ grant: SessionGrant) throws(ServiceFailure) -> IssuedCredentials
}
