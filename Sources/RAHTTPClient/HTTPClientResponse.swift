extension HTTPClient {
    /// The final response (interim `100 Continue` and proxy `CONNECT` responses are dropped).
    public struct Response: Sendable {
        /// The HTTP status of the final response.
        public var status: Int
        /// In arrival order, names as the server spelled them.
        public var headers: [(name: String, value: String)]
        public var body: [UInt8]

        public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
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
}
