/// One element of a query-protocol response document: what the STS and IAM answers are made of.
///
/// Names are local names (any `prefix:` removed) because STS documents carry a default namespace
/// that no reader here needs to check; attributes are kept only for completeness.
public struct XMLResponseElement: Sendable, Equatable {
    public var name: String
    public var attributes: [String: String]
    /// Character data directly inside this element, entities decoded, in document order.
    public var text: String
    public var children: [XMLResponseElement]

    public init(name: String, attributes: [String: String] = [:], text: String = "", children: [XMLResponseElement] = []) {
        self.name = name
        self.attributes = attributes
        self.text = text
        self.children = children
    }

    /// The text without surrounding whitespace: values such as access key ids never have any, and
    /// pretty-printed documents add it.
    public var value: String {
        text.trimmingXMLWhitespace()
    }

    /// The first direct child with this name.
    public func child(_ name: String) -> XMLResponseElement? {
        children.first { $0.name == name }
    }

    /// Walks down through first matching children: `root.path("AssumeRoleResult", "Credentials")`.
    public func path(_ names: String...) -> XMLResponseElement? {
        var current: XMLResponseElement? = self
        for name in names { current = current?.child(name) }
        return current
    }

    /// The first element with this name at any depth below this one, depth first.
    public func descendant(_ name: String) -> XMLResponseElement? {
        for child in children {
            if child.name == name { return child }
            if let found = child.descendant(name) { return found }
        }
        return nil
    }
}

extension StringProtocol {
    /// Trims the four XML whitespace characters (space, tab, CR, LF) from both ends.
    func trimmingXMLWhitespace() -> String {
        let scalars = unicodeScalars
        let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
              let last = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
