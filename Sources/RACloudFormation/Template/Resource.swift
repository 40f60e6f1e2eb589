/// One entry of a template's `Resources` block, properties still unevaluated.
public struct Resource: Sendable, Equatable {
    public var logicalId: String
    /// For example `AWS::RolesAnywhere::TrustAnchor`.
    public var type: String
    public var properties: OrderedMap
    /// Explicit ordering constraints, on top of those implied by references.
    public var dependsOn: [String]
    /// The resource exists only when this condition is true.
    public var condition: String?
    public var deletionPolicy: DeletionPolicy?
    public var updateReplacePolicy: DeletionPolicy?

    public init(logicalId: String, type: String, properties: OrderedMap = OrderedMap(), dependsOn: [String] = [],
                condition: String? = nil, deletionPolicy: DeletionPolicy? = nil,
                updateReplacePolicy: DeletionPolicy? = nil) {
        self.logicalId = logicalId
        self.type = type
        self.properties = properties
        self.dependsOn = dependsOn
        self.condition = condition
        self.deletionPolicy = deletionPolicy
        self.updateReplacePolicy = updateReplacePolicy
    }
}
