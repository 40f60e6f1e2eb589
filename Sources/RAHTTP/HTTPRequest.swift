/// One HTTP request as the application sees it, independent of the transport that received it.
///
/// `rawURI` keeps the target exactly as it arrived (percent-encoding and query intact) because
/// SigV4 canonicalisation must see the bytes the client signed, not a decoded form.
public struct HTTPRequest: Sendable {
    public var method: String
    public var rawURI: String
    /// Header fields in arrival order; names keep the client's spelling.
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]
    /// The peer's address as text (IPv4 dotted quad or IPv6), empty when unknown.
    public var remoteAddress: String

    public init(method: String, rawURI: String, headers: [(name: String, value: String)] = [],
                body: [UInt8] = [], remoteAddress: String = "") {
        self.method = method
        self.rawURI = rawURI
        self.headers = headers
        self.body = body
        self.remoteAddress = remoteAddress
    }

    /// The path part of `rawURI`, still percent-encoded.
    public var path: String {
        if let q = rawURI.firstIndex(of: "?") { return String(rawURI[..<q]) }
        return rawURI
    }

    /// The raw query string (without `?`), still percent-encoded; empty when absent.
    public var rawQuery: String {
        if let q = rawURI.firstIndex(of: "?") { return String(rawURI[rawURI.index(after: q)...]) }
        return ""
    }

    /// All values of a header, compared case-insensitively, in arrival order.
    public func headerValues(_ name: String) -> [String] {
        let lower = name.lowercased()
        return headers.filter { $0.name.lowercased() == lower }.map(\.value)
    }

    /// The first value of a header, compared case-insensitively.
    public func header(_ name: String) -> String? {
        let lower = name.lowercased()
        return headers.first { $0.name.lowercased() == lower }?.value
    }
}
