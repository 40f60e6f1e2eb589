/// A glob where `*` matches any run of characters (including none) and `?` exactly one.
///
/// IAM uses this shape for `Action`, `Resource`, `StringLike` and each ARN component. Wildcards are
/// carried as tokens rather than as characters so that a literal `*` (from `${*}` or from a
/// substituted variable) can never widen a match.
struct WildcardPattern: Sendable, Equatable {
    enum Token: Sendable, Equatable {
        case character(Character)
        case anySequence
        case anyCharacter
    }

    let tokens: [Token]
    let ignoresCase: Bool

    /// Builds a pattern from resolved segments; only wildcard segments are wildcards.
    init(_ segments: [ResolvedValue.Segment], ignoringCase: Bool) {
        var tokens: [Token] = []
        for segment in segments {
            switch segment {
            case .literal(let text):
                let folded = ignoringCase ? text.lowercased() : text
                tokens.append(contentsOf: folded.map(Token.character))
            case .anySequence:
                if tokens.last != .anySequence { tokens.append(.anySequence) }
            case .anyCharacter:
                tokens.append(.anyCharacter)
            }
        }
        self.tokens = tokens
        self.ignoresCase = ignoringCase
    }

    /// Builds a pattern from plain text in which every `*` and `?` is a wildcard.
    init(glob: String, ignoringCase: Bool) {
        self.init(ResolvedValue(glob: glob).segments, ignoringCase: ignoringCase)
    }

    /// Single-pass match with one backtrack point (the last `*`), linear in practice.
    func matches(_ value: String) -> Bool {
        let characters = Array(ignoresCase ? value.lowercased() : value)
        var patternIndex = 0
        var valueIndex = 0
        var starPattern: Int?
        var starValue = 0
        while valueIndex < characters.count {
            if patternIndex < tokens.count {
                switch tokens[patternIndex] {
                case .character(let expected) where expected == characters[valueIndex]:
                    patternIndex += 1
                    valueIndex += 1
                    continue
                case .anyCharacter:
                    patternIndex += 1
                    valueIndex += 1
                    continue
                case .anySequence:
                    starPattern = patternIndex
                    starValue = valueIndex
                    patternIndex += 1
                    continue
                case .character:
                    break
                }
            }
            guard let star = starPattern else { return false }
            patternIndex = star + 1
            starValue += 1
            valueIndex = starValue
        }
        while patternIndex < tokens.count, tokens[patternIndex] == .anySequence {
            patternIndex += 1
        }
        return patternIndex == tokens.count
    }
}
