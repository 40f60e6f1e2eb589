/// The string grammar behind `DistinguishedName(parsing:)`, kept apart so the name type stays small.
enum DistinguishedNameParser {
    static func parse(_ text: String) throws -> [DistinguishedName.Attribute] {
        if text.trimmingSpaces().isEmpty { return [] }
        // Only leading spaces go here: a trailing space may be escaped ("\ ") and belongs to the value.
        let trimmed = String(text.drop { $0 == " " })
        let slashStyle = trimmed.hasPrefix("/")
        let body = slashStyle ? String(trimmed.dropFirst()) : trimmed
        let separators: Set<Character> = slashStyle ? ["/", "+"] : [",", "+", ";"]
        var attributes: [DistinguishedName.Attribute] = []
        for component in try split(body, on: separators) {
            attributes.append(try parseAttribute(component, original: text))
        }
        return attributes
    }

    /// Splits on unescaped, unquoted separators, keeping escapes in place for `parseAttribute`.
    private static func split(_ text: String, on separators: Set<Character>) throws -> [String] {
        var parts: [String] = []
        var current = ""
        var escaped = false
        var quoted = false
        for character in text {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                current.append(character)
                escaped = true
            } else if character == "\"" {
                current.append(character)
                quoted.toggle()
            } else if !quoted && separators.contains(character) {
                parts.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        guard !escaped else { throw CryptoError.malformed("distinguished name ends with a lone backslash") }
        guard !quoted else { throw CryptoError.malformed("distinguished name has an unterminated quote") }
        parts.append(current)
        return parts
    }

    private static func parseAttribute(_ component: String, original: String) throws -> DistinguishedName.Attribute {
        guard let equals = component.firstIndex(of: "=") else {
            throw CryptoError.malformed("distinguished name component '\(component)' has no '='")
        }
        let type = String(component[..<equals]).trimmingSpaces()
        guard !type.isEmpty else {
            throw CryptoError.malformed("distinguished name component '\(component)' has no attribute type")
        }
        let value = try unescapeValue(String(component[component.index(after: equals)...]))
        return try DistinguishedName.Attribute(type: type, value: value)
    }

    /// Removes RFC 4514 escapes and quotes. Leading spaces and unescaped trailing spaces are dropped.
    static func unescapeValue(_ raw: String) throws -> String {
        var bytes: [UInt8] = []
        let input = Array(raw.utf8)
        var index = 0
        while index < input.count, input[index] == UInt8(ascii: " ") { index += 1 }
        if index < input.count, input[index] == UInt8(ascii: "#") {
            throw CryptoError.unsupported("hex-encoded (#...) attribute values are not supported")
        }
        var lastSignificant = 0  // bytes.count after the last escaped or non-space byte
        var quoted = false
        while index < input.count {
            let byte = input[index]
            if byte == UInt8(ascii: "\\") {
                guard index + 1 < input.count else {
                    throw CryptoError.malformed("attribute value ends with a lone backslash")
                }
                let next = input[index + 1]
                if index + 2 < input.count, let high = Hex.value(of: next), let low = Hex.value(of: input[index + 2]) {
                    bytes.append(high << 4 | low)
                    index += 3
                } else {
                    bytes.append(next)
                    index += 2
                }
                lastSignificant = bytes.count
                continue
            }
            if byte == UInt8(ascii: "\"") {
                quoted.toggle()
                index += 1
                lastSignificant = bytes.count
                continue
            }
            bytes.append(byte)
            if byte != UInt8(ascii: " ") || quoted { lastSignificant = bytes.count }
            index += 1
        }
        let kept = Array(bytes.prefix(lastSignificant))
        guard let value = String(validating: kept, as: UTF8.self) else {
            throw CryptoError.malformed("attribute value is not valid UTF-8 after unescaping")
        }
        return value
    }
}

extension String {
    func trimmingSpaces() -> String {
        var slice = Substring(self)
        while slice.first == " " { slice = slice.dropFirst() }
        while slice.last == " " { slice = slice.dropLast() }
        return String(slice)
    }
}
