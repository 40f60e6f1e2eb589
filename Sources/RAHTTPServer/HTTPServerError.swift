/// Why the server could not be configured or started.
///
/// The message is written for an operator reading a log: it names the address, the file or the
/// setting at fault and what the system said about it, but never includes key material.
public struct HTTPServerError: Error, CustomStringConvertible, Sendable {
    /// Broad classes of failure, so callers can choose an exit code without parsing text.
    public enum Kind: Sendable, Equatable {
        /// A configuration value is unusable before any socket is touched.
        case invalidConfiguration
        /// The listening socket could not be created, bound or put into listening state.
        case listenFailed
        /// The TLS certificate, key or priority string was rejected by the TLS library.
        case tlsFailed
        /// libmicrohttpd refused to start for another reason.
        case startFailed
    }

    public let kind: Kind
    /// The full sentence for the operator, e.g. "could not listen on 127.0.0.1:8443: address
    /// already in use".
    public let message: String

    /// Public so tests and wrappers can build the errors they expect to compare against.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
