import Foundation

/// What one `deploy` of a CloudFormation template created, so a redeploy can update or delete it.
public struct Stack: Sendable, Codable, Equatable {
    /// One resource the stack owns.
    public struct Resource: Sendable, Codable, Equatable {
        public var logicalId: String
        public var type: String
        /// The Ref value (an id for Roles Anywhere resources, the name for roles).
        public var physicalId: String
        public var arn: String?
        public init(logicalId: String, type: String, physicalId: String, arn: String?) {
            self.logicalId = logicalId
            self.type = type
            self.physicalId = physicalId
            self.arn = arn
        }
    }

    public var stackName: String
    public var stackId: String
    public var resources: [Resource]
    public var outputs: [String: String]
    public var updatedAt: Date

    public init(stackName: String, stackId: String, resources: [Resource], outputs: [String: String], updatedAt: Date) {
        self.stackName = stackName
        self.stackId = stackId
        self.resources = resources
        self.outputs = outputs
        self.updatedAt = updatedAt
    }
}
