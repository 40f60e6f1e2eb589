import RAYAML

/// A parsed and structurally validated CloudFormation template.
///
/// Everything keeps template order (parameters, resources, outputs), so that messages and
/// creation order are predictable. Values stay unevaluated; `Evaluator` resolves them once
/// parameters are bound and resources exist.
public struct Template: Sendable, Equatable {
    public var formatVersion: String?
    public var description: String?
    public var parameters: [Parameter]
    /// `Mappings`: map name → top-level key → second-level key → value.
    public var mappings: OrderedMap
    /// `Conditions`: condition name → condition function, unevaluated.
    public var conditions: OrderedMap
    public var resources: [Resource]
    public var outputs: [Output]

    /// Assembles a template in code without checking it; `parse` and `init(document:)` check.
    public init(formatVersion: String? = nil, description: String? = nil, parameters: [Parameter] = [],
                mappings: OrderedMap = OrderedMap(), conditions: OrderedMap = OrderedMap(),
                resources: [Resource], outputs: [Output] = []) {
        self.formatVersion = formatVersion
        self.description = description
        self.parameters = parameters
        self.mappings = mappings
        self.conditions = conditions
        self.resources = resources
        self.outputs = outputs
    }

    /// Parses JSON when the text starts with `{` (after whitespace), YAML otherwise, as
    /// CloudFormation does, then validates the structure and every reference.
    public static func parse(_ text: String) throws(TemplateError) -> Template {
        let document: TemplateValue
        if text.drop(while: { $0.isWhitespace }).first == "{" {
            document = try TemplateValue(jsonText: text)
        } else {
            let node: YAMLNode
            do {
                node = try YAMLParser.parse(text)
            } catch {
                throw .format("YAML not well-formed. (\(error.description))")
            }
            document = try TemplateValue(yaml: node)
        }
        return try Template(document: document)
    }

    public func parameter(named name: String) -> Parameter? {
        parameters.first { $0.name == name }
    }

    public func resource(named logicalId: String) -> Resource? {
        resources.first { $0.logicalId == logicalId }
    }

    /// Names `Ref` resolves without a parameter or resource of that name.
    public static let pseudoParameterNames: Set<String> = [
        "AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue", "AWS::Partition", "AWS::Region",
        "AWS::StackId", "AWS::StackName", "AWS::URLSuffix",
    ]
}

