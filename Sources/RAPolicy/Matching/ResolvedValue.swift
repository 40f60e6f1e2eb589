/// A policy value after variable substitution: literal text interleaved with wildcards.
///
/// Operators that do not support wildcards (`StringEquals`, `NumericEquals`, …) read `text`, where
/// a wildcard is just its character again; pattern operators build a `WildcardPattern`.
struct ResolvedValue: Sendable, Equatable {
    enum Segment: Sendable, Equatable {
        case literal(String)
        case anySequence
        case anyCharacter
    }

    let segments: [Segment]

    init(segments: [Segment]) {
        self.segments = segments
    }

    /// Treats every `*` and `?` in `glob` as a wildcard.
    init(glob: String) {
        var segments: [Segment] = []
        var literal = ""
        for character in glob {
            switch character {
            case "*", "?":
                if !literal.isEmpty {
                    segments.append(.literal(literal))
                    literal = ""
                }
                segments.append(character == "*" ? .anySequence : .anyCharacter)
            default:
                literal.append(character)
            }
        }
        if !literal.isEmpty { segments.append(.literal(literal)) }
        self.segments = segments
    }

    /// The value as plain text, wildcards written back as `*` and `?`.
    var text: String {
        var result = ""
        for segment in segments {
            switch segment {
            case .literal(let literal): result += literal
            case .anySequence: result += "*"
            case .anyCharacter: result += "?"
            }
        }
        return result
    }

    /// True when the value is nothing but `*`, IAM's "everything" shorthand.
    var isMatchAll: Bool { segments == [.anySequence] }
}
