/// The parts of an HTTP request that SigV4 covers, exactly as they go on the wire.
///
/// `path` and `rawQuery` are the still-percent-encoded bytes of the request target: the verifier
/// must canonicalise what the client sent, not a decoded and re-encoded copy of it.
public struct SignableRequest: Sendable {
    /// HTTP method, e.g. `POST`; upper-cased in the canonical request.
    public var method: String
    /// Raw path without the query, e.g. `/sessions` or `/roles/my%20role`.
    public var path: String
    /// Raw query without `?`; empty when there is none.
    public var rawQuery: String
    /// Header fields in arrival order, names in any case; repeated names allowed.
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(method: String, path: String, rawQuery: String = "",
                headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.method = method
        self.path = path
        self.rawQuery = rawQuery
        self.headers = headers
        self.body = body
    }

    /// Splits a raw request target (`/path?query`) at the first `?`.
    public init(method: String, rawURI: String, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        if let mark = rawURI.firstIndex(of: "?") {
            self.init(method: method, path: String(rawURI[..<mark]),
                      rawQuery: String(rawURI[rawURI.index(after: mark)...]), headers: headers, body: body)
        } else {
            self.init(method: method, path: rawURI, headers: headers, body: body)
        }
    }

    /// All values of a header in arrival order, names compared case-insensitively.
    public func headerValues(_ name: String) -> [String] {
        let lower = name.lowercased()
        return headers.filter { $0.name.lowercased() == lower }.map(\.value)
    }

    /// The first value of a header, names compared case-insensitively.
    public func header(_ name: String) -> String? {
        headerValues(name).first
    }
}
