/// An output after evaluation, ready to store and print.
public struct EvaluatedOutput: Sendable, Equatable {
    public var name: String
    public var value: TemplateValue
    public var description: String?
    public var exportName: String?

    public init(name: String, value: TemplateValue, description: String? = nil, exportName: String? = nil) {
        self.name = name
        self.value = value
        self.description = description
        self.exportName = exportName
    }
}
