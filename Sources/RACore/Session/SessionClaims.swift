import Foundation

/// What a session token carries, sealed: enough to authenticate and authorise a request made with
/// the credentials without any database lookup, on any replica holding the key.
public struct SessionClaims: Sendable, Codable, Equatable {
    public var accessKeyId: String
    public var secretAccessKey: String
    public var accountId: String
    public var roleArn: String
    public var roleId: String
    public var roleName: String
    public var sessionName: String
    public var sourceIdentity: String
    public var tags: [Tag]
    public var sourceArn: String
    public var issuedAt: Date
    public var expiresAt: Date

    public init(accessKeyId: String, secretAccessKey: String, accountId: String, roleArn: String, roleId: String,
                roleName: String, sessionName: String, sourceIdentity: String, tags: [Tag], sourceArn: String,
                issuedAt: Date, expiresAt: Date) {
        self.accessKeyId = accessKeyId
        self.secretAccessKey = secretAccessKey
        self.accountId = accountId
        self.roleArn = roleArn
        self.roleId = roleId
        self.roleName = roleName
        self.sessionName = sessionName
        self.sourceIdentity = sourceIdentity
        self.tags = tags
        self.sourceArn = sourceArn
        self.issuedAt = issuedAt
        self.expiresAt = expiresAt
    }

    public var assumedRoleArn: String { "arn:aws:sts::\(accountId):assumed-role/\(roleName)/\(sessionName)" }
}
