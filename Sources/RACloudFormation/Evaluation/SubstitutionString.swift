/// The text of an `Fn::Sub` split into literal runs and `${Name}` variables.
///
/// `${!Literal}` writes `${Literal}` verbatim; a `${` without a closing brace, and `${}`, are
/// literal text, as in CloudFormation.
struct SubstitutionString: Equatable {
    enum Part: Equatable {
        case literal(String)
        /// `Name`, `Resource.Attribute`, or a pseudo parameter such as `AWS::Region`.
        case variable(String)
    }

    let parts: [Part]

    init(_ text: String) {
        var parts: [Part] = []
        var literal = ""
        var rest = Substring(text)
        while let open = rest.firstRange(of: "${") {
            literal += rest[..<open.lowerBound]
            let afterOpen = rest[open.upperBound...]
            if afterOpen.first == "!" {
                literal += "${"
                rest = afterOpen.dropFirst()
                continue
            }
            guard let close = afterOpen.firstIndex(of: "}") else {
                literal += rest[open.lowerBound...]
                rest = ""
                break
            }
            let name = afterOpen[..<close].trimmingSpaces
            if name.isEmpty {
                literal += rest[open.lowerBound...close]
            } else {
                if !literal.isEmpty { parts.append(.literal(literal)) }
                literal = ""
                parts.append(.variable(name))
            }
            rest = afterOpen[afterOpen.index(after: close)...]
        }
        literal += rest
        if !literal.isEmpty { parts.append(.literal(literal)) }
        self.parts = parts
    }

    var variables: [String] {
        parts.compactMap { part in
            if case .variable(let name) = part { name } else { nil }
        }
    }
}

extension Substring {
    fileprivate var trimmingSpaces: String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
