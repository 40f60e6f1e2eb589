/// A JSON document built for output, serialised byte for byte the way Go's `encoding/json` does.
///
/// Output is hand-written rather than produced by `JSONEncoder` because peers compare bytes:
/// `credential_process` output must match the official helper exactly (member order, `\u003c`
/// escaping, no `\/`), and the CreateSession response must keep AWS's member order.
public indirect enum JSONValue: Sendable {
    case string(String)
    case integer(Int)
    case bool(Bool)
    case null
    case array([JSONValue])
    /// Members in output order; duplicates are written as given.
    case object([(name: String, value: JSONValue)])

    /// Compact JSON text (no whitespace, no trailing newline).
    /// - Parameter escapingHTML: also escape `<`, `>` and `&` as `\u003c`, `\u003e`, `\u0026`,
    ///   as Go's `json.Marshal` does by default.
    public func serialized(escapingHTML: Bool = false) -> String {
        var out = ""
        write(to: &out, escapingHTML: escapingHTML)
        return out
    }

    /// The UTF-8 bytes of `serialized(escapingHTML:)`.
    public func bytes(escapingHTML: Bool = false) -> [UInt8] {
        Array(serialized(escapingHTML: escapingHTML).utf8)
    }

    private func write(to out: inout String, escapingHTML: Bool) {
        switch self {
        case .string(let text):
            JSONValue.writeString(text, to: &out, escapingHTML: escapingHTML)
        case .integer(let number):
            out += String(number)
        case .bool(let flag):
            out += flag ? "true" : "false"
        case .null:
            out += "null"
        case .array(let elements):
            out += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { out += "," }
                element.write(to: &out, escapingHTML: escapingHTML)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { out += "," }
                JSONValue.writeString(member.name, to: &out, escapingHTML: escapingHTML)
                out += ":"
                member.value.write(to: &out, escapingHTML: escapingHTML)
            }
            out += "}"
        }
    }

    private static let hexDigits: [Character] = Array("0123456789abcdef")

    // Mirrors Go's encoding/json appendString (Go 1.22+): short escapes for \b \f \n \r \t,
    // \u00XX for other control bytes, and U+2028/U+2029 always escaped.
    private static func writeString(_ text: String, to out: inout String, escapingHTML: Bool) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "<", ">", "&":
                if escapingHTML {
                    writeUnicodeEscape(scalar.value, to: &out)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            case "\u{2028}", "\u{2029}":
                writeUnicodeEscape(scalar.value, to: &out)
            default:
                if scalar.value < 0x20 {
                    writeUnicodeEscape(scalar.value, to: &out)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    private static func writeUnicodeEscape(_ value: UInt32, to out: inout String) {
        out += "\\u"
        for shift in stride(from: 12, through: 0, by: -4) {
            out.append(hexDigits[Int((value >> UInt32(shift)) & 0xf)])
        }
    }
}
