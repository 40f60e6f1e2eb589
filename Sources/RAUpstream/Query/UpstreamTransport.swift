/// How the server reaches an upstream over HTTP(S): plain values so the executable can fill them
/// from its configuration file without knowing the HTTP client underneath.
public struct UpstreamTransport: Sendable, Equatable {
    /// PEM bundle of CAs to trust instead of the system's: S3-compatible stores often run on a
    /// private CA.
    public var caBundlePath: String?
    /// Limit for one HTTP exchange; the retry policy's deadline bounds all of them together.
    public var requestTimeoutSeconds: Int
    /// Limit for establishing a connection, so an unreachable upstream fails fast and is retried.
    public var connectTimeoutSeconds: Int
    /// Honour `https_proxy`/`no_proxy` as libcurl reads them; off means never use a proxy.
    public var useEnvironmentProxy: Bool

    public init(caBundlePath: String? = nil, requestTimeoutSeconds: Int = 10, connectTimeoutSeconds: Int = 3,
                useEnvironmentProxy: Bool = true) {
        self.caBundlePath = caBundlePath
        self.requestTimeoutSeconds = requestTimeoutSeconds
        self.connectTimeoutSeconds = connectTimeoutSeconds
        self.useEnvironmentProxy = useEnvironmentProxy
    }
}
