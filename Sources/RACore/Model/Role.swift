import Foundation

/// An IAM role: the trust policy decides who may assume it, identity policies what the session may do.
public struct Role: Sendable, Codable, Equatable {
    public var roleId: String
    public var roleName: String
    public var arn: String
    public var path: String
    public var assumeRolePolicyDocument: String
    public var description: String?
    public var maxSessionDuration: Int
    public var managedPolicyArns: [String]
    /// Inline policies by name, as JSON text.
    public var inlinePolicies: [String: String]
    public var tags: [Tag]
    public var createDate: Date

    /// IAM's default and bounds for `MaxSessionDuration`.
    public static let defaultMaxSessionDuration = 3600
    public static let maxSessionDurationRange = 3600...43200

    public init(roleId: String, roleName: String, arn: String, path: String = "/", assumeRolePolicyDocument: String,
                description: String? = nil, maxSessionDuration: Int = Role.defaultMaxSessionDuration,
                managedPolicyArns: [String] = [], inlinePolicies: [String: String] = [:], tags: [Tag] = [],
                createDate: Date) {
        self.roleId = roleId
        self.roleName = roleName
        self.arn = arn
        self.path = path
        self.assumeRolePolicyDocument = assumeRolePolicyDocument
        self.description = description
        self.maxSessionDuration = maxSessionDuration
        self.managedPolicyArns = managedPolicyArns
        self.inlinePolicies = inlinePolicies
        self.tags = tags
        self.createDate = createDate
    }
}
