/// An HTTP response as plain values, so RAWire can render AWS documents without depending on
/// any HTTP module; the server copies the three fields into its own response type.
public struct RenderedResponse: Sendable {
    public var status: Int
    /// Header fields in the order they should be written.
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(status: Int, headers: [(name: String, value: String)], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first value of a header, compared case-insensitively.
    public func header(_ name: String) -> String? {
        let lower = name.lowercased()
        return headers.first { $0.name.lowercased() == lower }?.value
    }
}
