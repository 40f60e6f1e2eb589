/// One HTTP response produced by the application; the transport writes it out as given.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public init(status: Int, contentType: String, body: String, headers: [(name: String, value: String)] = []) {
        self.init(status: status, headers: [("Content-Type", contentType)] + headers, body: Array(body.utf8))
    }
}

/// Anything that turns a request into a response: the application, a router, a test double.
///
/// Synchronous on purpose: the transport calls it on its own worker threads, and every
/// dependency on the request path (OpenSSL, SQLite) is synchronous too.
public protocol Responder: Sendable {
    func respond(to request: HTTPRequest) -> HTTPResponse

    /// Answers a request whose body exceeded the transport's limit of `limit` bytes. The body was
    /// discarded unread (`request.body` is empty); the headers are intact, so the application can
    /// answer in its own error shape and record the attempt.
    func respondToOversizedBody(_ request: HTTPRequest, limit: Int) -> HTTPResponse
}

extension Responder {
    public func respondToOversizedBody(_ request: HTTPRequest, limit: Int) -> HTTPResponse {
        HTTPResponse(status: 413, contentType: "text/plain", body: "request body exceeds \(limit) bytes\n")
    }
}
