/// Every failure RAHelperKit reports. The message is the one line the executable prints, worded as
/// the official helper words it (scripts and users grep for those strings); it never carries key
/// material, passwords or credentials.
public struct HelperError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What kind of thing went wrong, for callers that react differently (e.g. retry transport errors).
    public enum Code: Sendable, Equatable {
        /// Flags or ARNs that cannot work together.
        case configuration
        /// The certificate, chain or key could not be read or parsed.
        case identity
        /// A key type, file format or hardware source this build does not handle.
        case unsupported
        /// The private key refused to sign.
        case signing
        /// The request never got an HTTP answer (DNS, TCP, TLS, timeout).
        case transport
        /// The service answered with an error status.
        case service(ServiceFailure)
        /// The service answered 2xx with a body we cannot use.
        case response
    }

    public let code: Code
    public let message: String
    /// For `.transport`: whether trying again can help. False for certificate and name-resolution
    /// problems, which need a person (a wrong CA bundle does not fix itself).
    public let transportIsRetryable: Bool

    public init(_ code: Code, _ message: String, transportIsRetryable: Bool = true) {
        self.code = code
        self.message = message
        self.transportIsRetryable = transportIsRetryable
    }

    public var description: String { message }

    static func configuration(_ message: String) -> HelperError { HelperError(.configuration, message) }
    static func identity(_ message: String) -> HelperError { HelperError(.identity, message) }
    static func unsupported(_ message: String) -> HelperError { HelperError(.unsupported, message) }
}
