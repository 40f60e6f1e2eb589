/// Why the server could not establish its own upstream identity.
///
/// Names the source and what to fix (a missing key, a profile not found, a process that failed)
/// and never the credentials themselves.
public struct UpstreamCredentialError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Which source failed: `environment`, `profile ops`, `credential_process (profile ops)`, `IMDS`, …
    public var source: String
    public var message: String

    public init(source: String, message: String) {
        self.source = source
        self.message = message
    }

    public var description: String { "\(source): \(message)" }
}
