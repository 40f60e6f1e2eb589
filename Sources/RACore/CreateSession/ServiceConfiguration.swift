import Foundation

/// The values that shape how this server answers: who it is, and how strict it is.
public struct ServiceConfiguration: Sendable {
    /// The account id in every ARN this server makes and accepts.
    public var accountId: String
    /// The region in every ARN and in the SigV4 credential scope.
    public var region: String
    public var partition: String
    /// How far `X-Amz-Date` may be from the server's clock, either way.
    public var clockSkew: TimeInterval

    public static let defaultAccountId = "123456789012"
    public static let defaultRegion = "us-east-1"
    /// ±5 minutes, the general SigV4 rule (the spec leaves Roles Anywhere's own window open).
    public static let defaultClockSkew: TimeInterval = 300

    public init(accountId: String = ServiceConfiguration.defaultAccountId, region: String = ServiceConfiguration.defaultRegion,
                partition: String = "aws", clockSkew: TimeInterval = ServiceConfiguration.defaultClockSkew) {
        self.accountId = accountId
        self.region = region
        self.partition = partition
        self.clockSkew = clockSkew
    }

    public func trustAnchorArn(id: String) -> String { "arn:\(partition):rolesanywhere:\(region):\(accountId):trust-anchor/\(id)" }
    public func profileArn(id: String) -> String { "arn:\(partition):rolesanywhere:\(region):\(accountId):profile/\(id)" }
    public func crlArn(id: String) -> String { "arn:\(partition):rolesanywhere:\(region):\(accountId):crl/\(id)" }
    public func subjectArn(id: String) -> String { "arn:\(partition):rolesanywhere:\(region):\(accountId):subject/\(id)" }
    public func roleArn(path: String, name: String) -> String { "arn:\(partition):iam::\(accountId):role\(path)\(name)" }
}
