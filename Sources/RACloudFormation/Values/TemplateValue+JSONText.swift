extension TemplateValue {
    /// Compact JSON in the value's own key order: stable, so policy documents and printed
    /// outputs compare byte for byte.
    public var jsonText: String {
        var output = ""
        write(into: &output, indent: nil, level: 0)
        return output
    }

    /// Indented JSON (two spaces) for people to read.
    public var prettyJSONText: String {
        var output = ""
        write(into: &output, indent: "  ", level: 0)
        return output
    }

    /// Reads a JSON text, keeping object key order. Duplicate keys are refused rather than
    /// silently overwritten.
    public init(jsonText: String) throws(TemplateError) {
        var reader = JSONReader(text: jsonText)
        self = try reader.readDocument()
    }

    private func write(into output: inout String, indent: String?, level: Int) {
        switch self {
        case .string(let value):
            Self.writeString(value, into: &output)
        case .number(let value):
            output += Self.numberText(value)
        case .bool(let value):
            output += value ? "true" : "false"
        case .null:
            output += "null"
        case .list(let items):
            guard !items.isEmpty else { output += "[]"; return }
            output += "["
            for (index, item) in items.enumerated() {
                if index > 0 { output += "," }
                Self.newline(into: &output, indent: indent, level: level + 1)
                item.write(into: &output, indent: indent, level: level + 1)
            }
            Self.newline(into: &output, indent: indent, level: level)
            output += "]"
        case .map(let map):
            guard !map.isEmpty else { output += "{}"; return }
            output += "{"
            for (index, entry) in map.enumerated() {
                if index > 0 { output += "," }
                Self.newline(into: &output, indent: indent, level: level + 1)
                Self.writeString(entry.key, into: &output)
                output += indent == nil ? ":" : ": "
                entry.value.write(into: &output, indent: indent, level: level + 1)
            }
            Self.newline(into: &output, indent: indent, level: level)
            output += "}"
        }
    }

    private static func newline(into output: inout String, indent: String?, level: Int) {
        guard let indent else { return }
        output += "\n"
        output += String(repeating: indent, count: level)
    }

    private static func writeString(_ value: String, into output: inout String) {
        output += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }
}
