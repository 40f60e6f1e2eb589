extension HTTPClient {
    /// One request, sent exactly as described: the client adds only `Host` and `Content-Length`.
    ///
    /// Nothing else is added because the caller has usually signed these headers (SigV4), and an
    /// extra or altered header would break the signature.
    public struct Request: Sendable {
        /// Any token; `GET`, `HEAD` and `POST` map onto libcurl's own modes, others are sent verbatim.
        public var method: String
        /// Absolute `http://` or `https://` URL; the path and query are sent as written.
        public var url: String
        /// Sent in this order. An empty value sends the header with no value.
        public var headers: [(name: String, value: String)]
        /// Sent for every method whenever non-empty, and always (possibly empty) for POST, PUT and
        /// PATCH so that `Content-Length: 0` goes out.
        public var body: [UInt8]

        public init(method: String, url: String, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
            self.method = method
            self.url = url
            self.headers = headers
            self.body = body
        }
    }
}
