/// One element of `credentialSet` (the model's `CredentialResponse`).
///
/// Only `credentials` is required when decoding, because that is all clients read; the server
/// always fills every member, and absent optionals are omitted when encoding.
public struct CredentialResponse: Sendable, Hashable, Codable {
    public var assumedRoleUser: AssumedRoleUser?
    public var credentials: SessionCredentials
    /// Percentage of the STS packed-policy budget used by session policies and tags.
    public var packedPolicySize: Int?
    public var roleArn: String?
    public var sourceIdentity: String?

    public init(assumedRoleUser: AssumedRoleUser?, credentials: SessionCredentials, packedPolicySize: Int?,
                roleArn: String?, sourceIdentity: String?) {
        self.assumedRoleUser = assumedRoleUser
        self.credentials = credentials
        self.packedPolicySize = packedPolicySize
        self.roleArn = roleArn
        self.sourceIdentity = sourceIdentity
    }

    var json: JSONValue {
        var members: [(name: String, value: JSONValue)] = []
        if let assumedRoleUser { members.append(("assumedRoleUser", assumedRoleUser.json)) }
        members.append(("credentials", credentials.json))
        if let packedPolicySize { members.append(("packedPolicySize", .integer(packedPolicySize))) }
        if let roleArn { members.append(("roleArn", .string(roleArn))) }
        if let sourceIdentity { members.append(("sourceIdentity", .string(sourceIdentity))) }
        return .object(members)
    }
}
