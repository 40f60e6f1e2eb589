/// `credentialSet[].assumedRoleUser`: who the credentials act as, in STS's terms.
public struct AssumedRoleUser: Sendable, Hashable, Codable {
    /// `arn:aws:sts::<account>:assumed-role/<role-name>/<session-name>`.
    public var arn: String
    /// `<role id>:<session-name>`.
    public var assumedRoleId: String

    public init(arn: String, assumedRoleId: String) {
        self.arn = arn
        self.assumedRoleId = assumedRoleId
    }

    var json: JSONValue {
        .object([("arn", .string(arn)), ("assumedRoleId", .string(assumedRoleId))])
    }
}
