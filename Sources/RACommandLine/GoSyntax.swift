/// The few Go standard-library behaviours whose exact output users see in pflag's error messages.
enum GoSyntax {
    enum IntFailure: String, Error {
        case syntax = "invalid syntax"
        case range = "value out of range"
    }

    /// `strconv.ParseBool`.
    static func parseBool(_ text: String) -> Bool? {
        switch text {
        case "1", "t", "T", "TRUE", "true", "True": true
        case "0", "f", "F", "FALSE", "false", "False": false
        default: nil
        }
    }

    /// `strconv.ParseInt(text, 0, 64)`: optional sign, base prefix `0x`/`0o`/`0b` or a leading `0` for
    /// octal, and `_` separators only when a base prefix is present.
    static func parseInt(_ text: String) -> Result<Int, IntFailure> {
        var body = Substring(text)
        var negative = false
        if let first = body.first, first == "+" || first == "-" {
            negative = first == "-"
            body = body.dropFirst()
        }
        guard !body.isEmpty else { return .failure(.syntax) }
        var radix = 10
        var prefixed = false
        let lower = body.lowercased()
        if lower.hasPrefix("0x") { radix = 16; body = body.dropFirst(2); prefixed = true }
        else if lower.hasPrefix("0o") { radix = 8; body = body.dropFirst(2); prefixed = true }
        else if lower.hasPrefix("0b") { radix = 2; body = body.dropFirst(2); prefixed = true }
        else if body.count > 1, body.first == "0" { radix = 8; body = body.dropFirst(); prefixed = true }
        if body.contains("_") {
            guard prefixed, !body.hasPrefix("_"), !body.hasSuffix("_"), !body.contains("__") else {
                return .failure(.syntax)
            }
            body = Substring(body.replacingAll("_", with: ""))
        }
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && $0.hexDigitValue.map { $0 < radix } == true }) else {
            return .failure(.syntax)
        }
        guard let magnitude = UInt64(body, radix: radix) else { return .failure(.range) }
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { return .failure(.range) }
            return .success(magnitude == UInt64(Int64.max) + 1 ? Int(Int64.min) : -Int(magnitude))
        }
        guard magnitude <= UInt64(Int64.max) else { return .failure(.range) }
        return .success(Int(magnitude))
    }

    /// Go's `%q` for the strings that appear in messages: double quotes, backslash escapes for quotes,
    /// backslashes and control characters.
    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\x" + hexByte(UInt8(scalar.value))
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Go's `%q` for a rune: single quotes.
    static func quote(_ character: Character) -> String {
        character == "'" ? "'\\''" : "'\(character)'"
    }

    private static func hexByte(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}

extension Substring {
    fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for character in self { if character == target { out += replacement } else { out.append(character) } }
        return out
    }
}
