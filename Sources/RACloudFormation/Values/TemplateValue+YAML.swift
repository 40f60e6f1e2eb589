import RAYAML

extension TemplateValue {
    /// Intrinsic functions that have a YAML short form `!Name`, written `Fn::Name` in long form
    /// (`Ref` and `Condition` keep their bare names).
    static let shortFormFunctions: Set<String> = [
        "Ref", "Condition", "GetAtt", "Sub", "Join", "If", "Equals", "Not", "And", "Or", "Select", "Split",
        "Base64", "FindInMap", "GetAZs", "ImportValue", "Cidr", "Transform", "ToJsonString", "Length",
    ]

    /// Converts a YAML tree to the JSON model a CloudFormation JSON template would give.
    ///
    /// Typing follows CloudFormation rather than full YAML 1.1, and is documented here because
    /// it decides what a property receives:
    /// - quoted scalars are always strings;
    /// - plain `true`/`false` (also `True`, `TRUE`, `False`, `FALSE`) are booleans; `yes`/`no`/`on`/`off`
    ///   stay strings;
    /// - plain `null`, `Null`, `NULL`, `~` and empty scalars are null;
    /// - plain decimal numbers are numbers, except integers written with a leading zero
    ///   (`0123`, an account ID for example), which stay strings so no digit is lost;
    ///   hex, octal, `.inf` and `.nan` stay strings;
    /// - everything else, dates included, is a string.
    /// Short-form tags become their long form: `!Ref X` is `{"Ref": "X"}`, `!GetAtt A.B` is
    /// `{"Fn::GetAtt": ["A", "B"]}`, `!Sub ...` is `{"Fn::Sub": ...}`. Merge keys (`<<`) are not
    /// expanded. Duplicate mapping keys are refused.
    public init(yaml node: YAMLNode) throws(TemplateError) {
        if let tag = node.tag, tag.hasPrefix("!"), tag != "!" {
            let name = String(tag.dropFirst())
            guard Self.shortFormFunctions.contains(name) else {
                throw .format("Unsupported YAML tag \(tag)")
            }
            self = try Self.shortForm(name, content: node)
            return
        }
        switch node {
        case let .scalar(text, tag, plain):
            self = try Self.scalar(text, tag: tag, plain: plain)
        case let .sequence(items, _):
            var values: [TemplateValue] = []
            values.reserveCapacity(items.count)
            for item in items { values.append(try TemplateValue(yaml: item)) }
            self = .list(values)
        case let .mapping(pairs, _):
            var map = OrderedMap()
            for pair in pairs {
                guard case let .scalar(key, _, _) = pair.key else {
                    throw .format("YAML mapping keys must be scalars")
                }
                guard !map.contains(key) else { throw .format("Duplicate key '\(key)' in a YAML mapping") }
                map[key] = try TemplateValue(yaml: pair.value)
            }
            self = .map(map)
        }
    }

    private static func shortForm(_ name: String, content node: YAMLNode) throws(TemplateError) -> TemplateValue {
        let argument: TemplateValue
        switch node {
        case let .scalar(text, _, _):
            if name == "GetAtt", let dot = text.firstIndex(of: ".") {
                argument = .list([.string(String(text[..<dot])), .string(String(text[text.index(after: dot)...]))])
            } else {
                argument = .string(text)
            }
        case let .sequence(items, _):
            argument = try TemplateValue(yaml: .sequence(items, tag: nil))
        case let .mapping(pairs, _):
            argument = try TemplateValue(yaml: .mapping(pairs, tag: nil))
        }
        let key = name == "Ref" || name == "Condition" ? name : "Fn::\(name)"
        return .map(OrderedMap([(key, argument)]))
    }

    private static func scalar(_ text: String, tag: String?, plain: Bool) throws(TemplateError) -> TemplateValue {
        switch tag {
        case nil:
            return plain ? typedPlainScalar(text) : .string(text)
        case "!", "tag:yaml.org,2002:str":
            return .string(text)
        case "tag:yaml.org,2002:null":
            return .null
        case "tag:yaml.org,2002:bool":
            guard case .bool(let value) = typedPlainScalar(text) else { throw .format("Invalid !!bool value") }
            return .bool(value)
        case "tag:yaml.org,2002:int", "tag:yaml.org,2002:float":
            guard let value = Double(text), value.isFinite else { throw .format("Invalid YAML number '\(text)'") }
            return .number(value)
        default:
            throw .format("Unsupported YAML tag \(tag ?? "")")
        }
    }

    /// See `init(yaml:)` for the rules.
    static func typedPlainScalar(_ text: String) -> TemplateValue {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: break
        }
        guard isDecimalNumber(text), let value = Double(text), value.isFinite else { return .string(text) }
        return .number(value)
    }

    /// `[-+]?(0|[1-9][0-9]*)(\.[0-9]*)?([eE][-+]?[0-9]+)?` or `[-+]?\.[0-9]+(...)`, with the
    /// leading-zero rule applied to the integer part.
    private static func isDecimalNumber(_ text: String) -> Bool {
        var bytes = Substring(text).utf8[...]
        if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        let isDigit = { (byte: UInt8) in (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
        let integer = bytes.prefix(while: isDigit)
        bytes = bytes.dropFirst(integer.count)
        if integer.count > 1, integer.first == UInt8(ascii: "0") { return false }
        var fraction = 0
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            fraction = bytes.prefix(while: isDigit).count
            bytes = bytes.dropFirst(fraction)
        }
        guard integer.count + fraction > 0 else { return false }
        if let marker = bytes.first, marker == UInt8(ascii: "e") || marker == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
            let exponent = bytes.prefix(while: isDigit).count
            guard exponent > 0 else { return false }
            bytes = bytes.dropFirst(exponent)
        }
        return bytes.isEmpty
    }
}
