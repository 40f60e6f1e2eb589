public import RAHTTPClient

/// Sends one HTTP request. The CreateSession client talks to this instead of libcurl so tests can
/// capture the exact request and script the answer without opening a socket.
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPClient.Request, options: HTTPClient.Options) throws(HTTPClientError) -> HTTPClient.Response
}

/// The production transport: libcurl through RAHTTPClient.
extension HTTPClient: HTTPTransport {}
