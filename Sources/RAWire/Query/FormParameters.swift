/// Parameters of an `application/x-www-form-urlencoded` body, the request format of the
/// query protocol (`Action=GetCallerIdentity&Version=2011-06-15`).
public struct FormParameters: Sendable {
    /// Decoded pairs in arrival order; repeated names are kept.
    public var pairs: [(name: String, value: String)]

    public init(pairs: [(name: String, value: String)]) {
        self.pairs = pairs
    }

    /// Decodes a form body: `+` is a space, `%XX` a byte, a name without `=` has an empty value,
    /// and empty segments are skipped. Invalid UTF-8 after decoding becomes U+FFFD.
    /// - Throws: `MalformedQueryString` for a broken `%` escape.
    public init(parsing body: [UInt8]) throws(WireError) {
        var pairs: [(name: String, value: String)] = []
        for segment in body.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let equals = segment.firstIndex(of: UInt8(ascii: "="))
            let rawName = segment[..<(equals ?? segment.endIndex)]
            let rawValue = equals.map { segment[($0 + 1)...] } ?? segment[segment.endIndex...]
            guard let name = PercentEncoding.decode(rawName, plusIsSpace: true),
                  let value = PercentEncoding.decode(rawValue, plusIsSpace: true) else {
                throw .malformedQueryString("The form body contains an invalid percent-encoding.")
            }
            pairs.append((String(decoding: name, as: UTF8.self), String(decoding: value, as: UTF8.self)))
        }
        self.init(pairs: pairs)
    }

    /// Decodes form text; same rules as the byte form.
    public init(parsing text: String) throws(WireError) {
        try self.init(parsing: Array(text.utf8))
    }

    /// The first value for `name` (names are case-sensitive, as in AWS's query protocol).
    public subscript(name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }

    /// Every value for `name` in arrival order.
    public func values(_ name: String) -> [String] {
        pairs.filter { $0.name == name }.map(\.value)
    }
}
