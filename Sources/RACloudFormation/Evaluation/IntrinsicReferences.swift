/// The names a template value refers to, found without evaluating it: the basis of reference
/// checks at parse time and of the resource dependency graph.
struct IntrinsicReferences {
    /// Functions the evaluator knows; anything else spelled `Fn::...` is refused at parse time.
    static let knownFunctions: Set<String> = [
        "Fn::GetAtt", "Fn::Sub", "Fn::Join", "Fn::If", "Fn::Select", "Fn::Split", "Fn::Base64", "Fn::FindInMap",
        "Fn::GetAZs", "Fn::ToJsonString", "Fn::Length", "Fn::Equals", "Fn::Not", "Fn::And", "Fn::Or",
        "Fn::ImportValue", "Fn::Cidr", "Fn::Transform",
    ]

    /// Names used by `Ref` and by `${Name}` in `Fn::Sub`, in order of appearance.
    private(set) var refs: [String] = []
    /// Resources named by `Fn::GetAtt` and by `${Resource.Attribute}` in `Fn::Sub`.
    private(set) var getAttTargets: [String] = []
    /// Conditions named by `Fn::If` and, inside conditions, by `{"Condition": name}`.
    private(set) var conditions: [String] = []

    /// Every name referred to (refs and GetAtt targets), without duplicates, in order.
    var allNames: [String] {
        var seen = Set<String>()
        return (refs + getAttTargets).filter { seen.insert($0).inserted }
    }

    /// Walks `value`; `inConditions` makes `{"Condition": name}` a reference, as it is only in
    /// the Conditions block (elsewhere `Condition` is an ordinary key, as in IAM policies).
    init(_ value: TemplateValue, inConditions: Bool = false) throws(TemplateError) {
        try walk(value, inConditions: inConditions)
    }

    private mutating func walk(_ value: TemplateValue, inConditions: Bool) throws(TemplateError) {
        switch value {
        case .list(let items):
            for item in items { try walk(item, inConditions: inConditions) }
        case .map(let map):
            if let (name, argument) = value.singleEntry, name == "Ref" || name.hasPrefix("Fn::")
                || (inConditions && name == "Condition") {
                try function(name, argument, inConditions: inConditions)
            } else {
                for (_, item) in map { try walk(item, inConditions: inConditions) }
            }
        case .string, .number, .bool, .null:
            return
        }
    }

    private mutating func function(_ name: String, _ argument: TemplateValue,
                                   inConditions: Bool) throws(TemplateError) {
        switch name {
        case "Ref":
            guard case .string(let target) = argument else {
                throw .format("Every Ref object must have a single String value.")
            }
            refs.append(target)
        case "Condition":
            guard case .string(let condition) = argument else {
                throw .format("Every Condition reference must be a single String value.")
            }
            conditions.append(condition)
        case "Fn::GetAtt":
            let (resource, attribute) = try Self.getAttArguments(argument)
            getAttTargets.append(resource)
            if let attribute { try walk(attribute, inConditions: inConditions) }
        case "Fn::Sub":
            let (text, variables) = try Self.subArguments(argument)
            for variable in SubstitutionString(text).variables where variables?.contains(variable) != true {
                if let dot = variable.firstIndex(of: ".") {
                    getAttTargets.append(String(variable[..<dot]))
                } else {
                    refs.append(variable)
                }
            }
            if let variables { try walk(.map(variables), inConditions: inConditions) }
        case "Fn::If":
            guard case .list(let items) = argument, items.count == 3, case .string(let condition) = items[0] else {
                throw .evaluation("every Fn::If object requires three parameters")
            }
            conditions.append(condition)
            try walk(items[1], inConditions: inConditions)
            try walk(items[2], inConditions: inConditions)
        case "Fn::Equals", "Fn::Not", "Fn::And", "Fn::Or":
            try walk(argument, inConditions: true)
        default:
            guard Self.knownFunctions.contains(name) else {
                throw .format("Encountered unsupported function: \(name)")
            }
            try walk(argument, inConditions: inConditions)
        }
    }

    /// `"Resource.Attribute"` or `[Resource, Attribute]`; the attribute may be a function
    /// (returned unevaluated) in the list form.
    static func getAttArguments(_ argument: TemplateValue) throws(TemplateError) -> (String, TemplateValue?) {
        switch argument {
        case .string(let text):
            if let dot = text.firstIndex(of: "."), dot != text.startIndex, text.index(after: dot) != text.endIndex {
                return (String(text[..<dot]), .string(String(text[text.index(after: dot)...])))
            }
        case .list(let items):
            if items.count == 2, case .string(let resource) = items[0], !resource.isEmpty, items[1] != .string("") {
                return (resource, items[1])
            }
        default:
            break
        }
        throw .evaluation("every Fn::GetAtt object requires two non-empty parameters")
    }

    /// `"text"` or `["text", {variables}]`.
    static func subArguments(_ argument: TemplateValue) throws(TemplateError) -> (String, OrderedMap?) {
        switch argument {
        case .string(let text):
            return (text, nil)
        case .list(let items):
            if items.count == 2, case .string(let text) = items[0], case .map(let variables) = items[1] {
                return (text, variables)
            }
        default:
            break
        }
        throw .evaluation("One or more Fn::Sub intrinsic functions don't specify expected arguments. Specify a "
            + "string as first argument, and an optional second argument to specify a mapping of values to "
            + "replace in the string")
    }
}
