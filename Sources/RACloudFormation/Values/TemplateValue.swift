/// A template value in the JSON data model, whichever syntax the template was written in.
///
/// Intrinsic functions are ordinary single-key maps here (`{"Ref": "X"}`), exactly as in a JSON
/// template; YAML short forms are expanded when the value is built.
public indirect enum TemplateValue: Sendable, Equatable {
    case string(String)
    /// JSON has one number type; integral values print without a fraction.
    case number(Double)
    case bool(Bool)
    case null
    case list([TemplateValue])
    case map(OrderedMap)

    public var stringValue: String? {
        if case .string(let value) = self { value } else { nil }
    }

    public var numberValue: Double? {
        if case .number(let value) = self { value } else { nil }
    }

    public var boolValue: Bool? {
        if case .bool(let value) = self { value } else { nil }
    }

    public var listValue: [TemplateValue]? {
        if case .list(let value) = self { value } else { nil }
    }

    public var mapValue: OrderedMap? {
        if case .map(let value) = self { value } else { nil }
    }

    public var isNull: Bool { self == .null }

    /// The text of a scalar as CloudFormation passes it to a string property: numbers and
    /// booleans are written out, collections and null have none.
    public var scalarText: String? {
        switch self {
        case .string(let value): value
        case .number(let value): Self.numberText(value)
        case .bool(let value): value ? "true" : "false"
        case .null, .list, .map: nil
        }
    }

    /// Integral numbers print as integers ("3600", not "3600.0"); others use the shortest form
    /// that reads back as the same Double.
    static func numberText(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        return value.isFinite ? String(value) : "null"
    }

    /// The single `(name, argument)` pair when this is a one-key map, which is how an intrinsic
    /// function call looks.
    var singleEntry: (key: String, value: TemplateValue)? {
        guard case .map(let map) = self, map.count == 1, let key = map.keys.first, let value = map[key] else {
            return nil
        }
        return (key, value)
    }
}

extension TemplateValue: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
}

extension TemplateValue: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
}

extension TemplateValue: ExpressibleByFloatLiteral {
    public init(floatLiteral value: Double) { self = .number(value) }
}

extension TemplateValue: ExpressibleByBooleanLiteral {
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension TemplateValue: ExpressibleByNilLiteral {
    public init(nilLiteral: ()) { self = .null }
}

extension TemplateValue: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
}

extension TemplateValue: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, TemplateValue)...) { self = .map(OrderedMap(elements)) }
}
