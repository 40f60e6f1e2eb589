/// One entry of a template's `Outputs` block, its value still unevaluated.
public struct Output: Sendable, Equatable {
    public var name: String
    public var value: TemplateValue
    public var description: String?
    /// The output exists only when this condition is true.
    public var condition: String?
    /// `Export: {Name: ...}`; the name may itself be a function, so it is kept unevaluated.
    public var exportName: TemplateValue?

    public init(name: String, value: TemplateValue, description: String? = nil, condition: String? = nil,
                exportName: TemplateValue? = nil) {
        self.name = name
        self.value = value
        self.description = description
        self.condition = condition
        self.exportName = exportName
    }
}
