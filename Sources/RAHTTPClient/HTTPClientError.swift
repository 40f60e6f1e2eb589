/// Why a request got no HTTP response. An HTTP error status is not an error here: it is a
/// ``HTTPClient/Response`` the caller interprets.
///
/// The message is libcurl's own text (its summary for the error code, then the detail it wrote
/// for this transfer), e.g. "SSL peer certificate or SSH remote key was not OK: SSL certificate
/// problem: self-signed certificate", so the operator sees what curl would have said.
public struct HTTPClientError: Error, CustomStringConvertible, Sendable {
    /// Broad classes, so callers can decide whether retrying makes sense.
    public enum Kind: Sendable, Equatable {
        /// The request itself is unusable (bad URL, header with a line break, bad option).
        case invalidRequest
        case couldNotResolveHost
        case couldNotConnect
        case timedOut
        /// Handshake, certificate verification or CA bundle problem.
        case tls
        /// The response body exceeded ``HTTPClient/Options/maxResponseBytes``.
        case responseTooLarge
        /// Anything else on the wire: reset connection, malformed response, ...
        case transport
    }

    /// What went wrong, coarsely, for retry decisions.
    public let kind: Kind
    /// libcurl's `CURLcode`, 0 when the error did not come from libcurl.
    public let curlCode: Int
    /// The operator-facing text; never contains request headers or bodies.
    public let message: String

    /// Public so tests and wrappers can build the errors they expect to compare against.
    public init(kind: Kind, curlCode: Int = 0, message: String) {
        self.kind = kind
        self.curlCode = curlCode
        self.message = message
    }

    public var description: String { message }
}
