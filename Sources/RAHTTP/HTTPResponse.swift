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
}
