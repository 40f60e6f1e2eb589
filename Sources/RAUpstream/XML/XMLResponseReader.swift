/// A deliberately small XML reader for the documents STS and IAM return.
///
/// Foundation's `XMLParser` exists on Linux only in `FoundationXML`, which drags libxml2 into
/// every binary (and into static builds); these responses are a handful of elements, so a reader
/// of the subset they use is smaller than the dependency. It handles elements, attributes, text,
/// the five predefined entities, character references, CDATA, comments and processing
/// instructions; it refuses DTDs (no entity expansion), mismatched tags and excessive nesting.
public enum XMLResponseReader {
    /// Deeper documents are refused; STS answers are four levels deep.
    public static let maximumDepth = 32

    /// The root element of `bytes`.
    /// - Throws: ``XMLResponseError`` naming the byte offset of the problem.
    public static func parse(_ bytes: [UInt8]) throws(XMLResponseError) -> XMLResponseElement {
        var cursor = Cursor(bytes: bytes)
        cursor.skipByteOrderMark()
        try cursor.skipMisc()
        guard cursor.peek() == UInt8(ascii: "<") else { throw cursor.error("expected the root element") }
        let root = try cursor.element(depth: 1)
        try cursor.skipMisc()
        guard cursor.atEnd else { throw cursor.error("content after the root element") }
        return root
    }

    /// The root element of `text`.
    public static func parse(_ text: String) throws(XMLResponseError) -> XMLResponseElement {
        try parse(Array(text.utf8))
    }

    private struct Cursor {
        let bytes: [UInt8]
        var offset = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        var atEnd: Bool { offset >= bytes.count }

        func peek(_ ahead: Int = 0) -> UInt8? {
            offset + ahead < bytes.count ? bytes[offset + ahead] : nil
        }

        func error(_ message: String) -> XMLResponseError {
            XMLResponseError(message: message, offset: offset)
        }

        func starts(with literal: String) -> Bool {
            let expected = Array(literal.utf8)
            guard offset + expected.count <= bytes.count else { return false }
            return bytes[offset..<(offset + expected.count)].elementsEqual(expected)
        }

        mutating func skipByteOrderMark() {
            if starts(with: "\u{FEFF}") { offset += 3 }
        }

        mutating func skipWhitespace() {
            while let byte = peek(), Cursor.isWhitespace(byte) { offset += 1 }
        }

        /// Whitespace, comments and processing instructions (the prolog and the epilogue).
        mutating func skipMisc() throws(XMLResponseError) {
            while true {
                skipWhitespace()
                if starts(with: "<?") {
                    try skip(past: "?>")
                } else if starts(with: "<!--") {
                    try skip(past: "-->")
                } else if starts(with: "<!") {
                    throw error("document type declarations are not accepted")
                } else {
                    return
                }
            }
        }

        mutating func skip(past terminator: String) throws(XMLResponseError) {
            let start = offset
            while !atEnd {
                if starts(with: terminator) {
                    offset += terminator.utf8.count
                    return
                }
                offset += 1
            }
            offset = start
            throw error("unterminated construct, expected \(terminator)")
        }

        /// An element starting at `<`, with everything inside it.
        mutating func element(depth: Int) throws(XMLResponseError) -> XMLResponseElement {
            guard depth <= XMLResponseReader.maximumDepth else { throw error("elements nested too deeply") }
            offset += 1
            let qualifiedName = try name()
            var element = XMLResponseElement(name: Cursor.localName(qualifiedName))
            while true {
                skipWhitespace()
                if starts(with: "/>") {
                    offset += 2
                    return element
                }
                if peek() == UInt8(ascii: ">") {
                    offset += 1
                    break
                }
                let (attribute, value) = try attributePair()
                element.attributes[attribute] = value
            }
            var text: [UInt8] = []
            while true {
                guard let byte = peek() else { throw error("unterminated element <\(qualifiedName)>") }
                if byte != UInt8(ascii: "<") {
                    if byte == UInt8(ascii: "&") {
                        text += try reference()
                    } else {
                        text.append(byte)
                        offset += 1
                    }
                } else if starts(with: "</") {
                    offset += 2
                    let closing = try name()
                    guard closing == qualifiedName else {
                        throw error("closing tag </\(closing)> does not match <\(qualifiedName)>")
                    }
                    skipWhitespace()
                    guard peek() == UInt8(ascii: ">") else { throw error("malformed closing tag </\(closing)>") }
                    offset += 1
                    element.text = String(decoding: text, as: UTF8.self)
                    return element
                } else if starts(with: "<![CDATA[") {
                    offset += 9
                    let start = offset
                    try skip(past: "]]>")
                    text += bytes[start..<(offset - 3)]
                } else if starts(with: "<!--") {
                    try skip(past: "-->")
                } else if starts(with: "<?") {
                    try skip(past: "?>")
                } else if starts(with: "<!") {
                    throw error("declarations are not accepted inside elements")
                } else {
                    element.children.append(try self.element(depth: depth + 1))
                }
            }
        }

        /// `name="value"` or `name='value'`.
        mutating func attributePair() throws(XMLResponseError) -> (String, String) {
            let attribute = try name()
            skipWhitespace()
            guard peek() == UInt8(ascii: "=") else { throw error("attribute \(attribute) has no value") }
            offset += 1
            skipWhitespace()
            guard let quote = peek(), quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
                throw error("attribute \(attribute) is not quoted")
            }
            offset += 1
            var value: [UInt8] = []
            while true {
                guard let byte = peek() else { throw error("unterminated attribute \(attribute)") }
                if byte == quote {
                    offset += 1
                    return (attribute, String(decoding: value, as: UTF8.self))
                }
                if byte == UInt8(ascii: "<") { throw error("'<' inside attribute \(attribute)") }
                if byte == UInt8(ascii: "&") {
                    value += try reference()
                } else {
                    value.append(byte)
                    offset += 1
                }
            }
        }

        /// A tag or attribute name: everything up to whitespace, `=`, `/` or `>`.
        mutating func name() throws(XMLResponseError) -> String {
            let start = offset
            while let byte = peek(), !Cursor.isWhitespace(byte),
                  byte != UInt8(ascii: ">"), byte != UInt8(ascii: "/"), byte != UInt8(ascii: "="),
                  byte != UInt8(ascii: "<"), byte != UInt8(ascii: "\""), byte != UInt8(ascii: "'") {
                offset += 1
            }
            guard offset > start else { throw error("expected a name") }
            return String(decoding: bytes[start..<offset], as: UTF8.self)
        }

        /// `&amp;` and friends, `&#NN;` and `&#xHH;`, as UTF-8 bytes.
        mutating func reference() throws(XMLResponseError) -> [UInt8] {
            let start = offset
            offset += 1
            while let byte = peek(), byte != UInt8(ascii: ";") {
                guard offset - start < 12 else { break }
                offset += 1
            }
            guard peek() == UInt8(ascii: ";") else {
                offset = start
                throw error("unterminated entity reference")
            }
            let body = String(decoding: bytes[(start + 1)..<offset], as: UTF8.self)
            offset += 1
            switch body {
            case "amp": return [UInt8(ascii: "&")]
            case "lt": return [UInt8(ascii: "<")]
            case "gt": return [UInt8(ascii: ">")]
            case "quot": return [UInt8(ascii: "\"")]
            case "apos": return [UInt8(ascii: "'")]
            default:
                let number: UInt32?
                if body.hasPrefix("#x") || body.hasPrefix("#X") {
                    number = UInt32(body.dropFirst(2), radix: 16)
                } else if body.hasPrefix("#") {
                    number = UInt32(body.dropFirst(), radix: 10)
                } else {
                    number = nil
                }
                guard let number, number != 0, let scalar = Unicode.Scalar(number) else {
                    offset = start
                    throw error("unknown entity &\(body);")
                }
                return Array(String(Character(scalar)).utf8)
            }
        }

        static func isWhitespace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
        }

        static func localName(_ qualified: String) -> String {
            guard let colon = qualified.lastIndex(of: ":") else { return qualified }
            return String(qualified[qualified.index(after: colon)...])
        }
    }
}
