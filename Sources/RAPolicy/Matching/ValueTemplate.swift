/// A `Resource` or condition value as written, with its policy variables still unresolved.
///
/// Variables are resolved per request (`${aws:PrincipalTag/x509Subject/CN}` differs for each
/// certificate), so the document keeps the parsed template. Substituted text is always literal:
/// a certificate whose CN is `*` must not turn a policy into a wildcard.
struct ValueTemplate: Sendable, Equatable {
    enum Part: Sendable, Equatable {
        case literal(String)
        case anySequence
        case anyCharacter
        /// `${name}` or `${name, 'default'}`; the default is used when the key is absent.
        case variable(name: String, defaultValue: String?)
    }

    /// The value exactly as it appears in the document, for explanations.
    let source: String
    let parts: [Part]

    var hasVariables: Bool {
        parts.contains { if case .variable = $0 { return true } else { return false } }
    }

    /// Parses `source`; `${...}` is only special when `substitutingVariables` (Version 2012-10-17).
    init(_ source: String, substitutingVariables: Bool) {
        self.source = source
        var parts: [Part] = []
        var literal = ""
        func flush() {
            if !literal.isEmpty {
                parts.append(.literal(literal))
                literal = ""
            }
        }
        var rest = Substring(source)
        while let character = rest.first {
            if substitutingVariables, rest.hasPrefix("${"), let close = rest.firstIndex(of: "}"),
               let part = Self.placeholder(rest[rest.index(rest.startIndex, offsetBy: 2)..<close]) {
                if case .literal(let escaped) = part {
                    literal += escaped
                } else {
                    flush()
                    parts.append(part)
                }
                rest = rest[rest.index(after: close)...]
                continue
            }
            switch character {
            case "*":
                flush()
                parts.append(.anySequence)
            case "?":
                flush()
                parts.append(.anyCharacter)
            default:
                literal.append(character)
            }
            rest = rest.dropFirst()
        }
        flush()
        self.parts = parts
    }

    /// Interprets the text between `${` and `}`; nil leaves the whole thing as literal text.
    private static func placeholder(_ body: Substring) -> Part? {
        switch body {
        case "*": return .literal("*")
        case "?": return .literal("?")
        case "$": return .literal("$")
        default: break
        }
        guard let comma = body.firstIndex(of: ",") else {
            let name = body.trimmingSpaces
            return name.isEmpty ? nil : .variable(name: name, defaultValue: nil)
        }
        let name = body[..<comma].trimmingSpaces
        let fallback = body[body.index(after: comma)...].trimmingSpaces
        guard !name.isEmpty, fallback.count >= 2, fallback.hasPrefix("'"), fallback.hasSuffix("'") else {
            return nil
        }
        return .variable(name: name, defaultValue: String(fallback.dropFirst().dropLast()))
    }

    /// Substitutes variables from `context`; nil when a variable has no value and no default,
    /// which IAM treats as "this value matches nothing".
    func resolve(in context: RequestContext) -> ResolvedValue? {
        var segments: [ResolvedValue.Segment] = []
        for part in parts {
            switch part {
            case .literal(let text):
                segments.append(.literal(text))
            case .anySequence:
                segments.append(.anySequence)
            case .anyCharacter:
                segments.append(.anyCharacter)
            case .variable(let name, let defaultValue):
                guard let value = context.value(forKey: name)?.variableText ?? defaultValue else { return nil }
                segments.append(.literal(value))
            }
        }
        return ResolvedValue(segments: segments)
    }
}

extension Substring {
    /// Trims ASCII spaces only; enough for `${ name , 'default' }` and free of Foundation.
    var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
