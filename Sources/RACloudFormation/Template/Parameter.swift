/// One entry of a template's `Parameters` block: the constraints a given value must meet.
///
/// Values and defaults are kept as text, as CloudFormation keeps them; typing happens when
/// parameters are bound.
public struct Parameter: Sendable, Equatable {
    public var name: String
    public var type: ParameterType
    public var defaultValue: String?
    public var allowedValues: [String]?
    public var allowedPattern: String?
    /// When set, the value is never echoed (not in errors, not in printed outputs).
    public var noEcho: Bool
    public var description: String?
    /// Replaces the built-in wording when a constraint fails, as in CloudFormation.
    public var constraintDescription: String?
    public var minLength: Int?
    public var maxLength: Int?
    public var minValue: Double?
    public var maxValue: Double?

    public init(name: String, type: ParameterType, defaultValue: String? = nil, allowedValues: [String]? = nil,
                allowedPattern: String? = nil, noEcho: Bool = false, description: String? = nil,
                constraintDescription: String? = nil, minLength: Int? = nil, maxLength: Int? = nil,
                minValue: Double? = nil, maxValue: Double? = nil) {
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.allowedValues = allowedValues
        self.allowedPattern = allowedPattern
        self.noEcho = noEcho
        self.description = description
        self.constraintDescription = constraintDescription
        self.minLength = minLength
        self.maxLength = maxLength
        self.minValue = minValue
        self.maxValue = maxValue
    }
}
