extension HTTPClient {
    /// Per-request transport settings, as plain values so the caller decides where they come from.
    public struct Options: Sendable {
        /// PEM file of CA certificates to trust instead of the system bundle: how a private
        /// Roles Anywhere endpoint is trusted.
        public var caBundlePath: String?
        /// Turning this off accepts any server certificate and host name; for diagnosis only.
        public var verifyTLS: Bool
        /// Limit for the whole exchange, connection included.
        public var timeoutSeconds: Int
        /// Limit for establishing the connection (TCP and TLS), so a dead endpoint fails fast.
        public var connectTimeoutSeconds: Int
        /// When true, libcurl honours `http_proxy`, `https_proxy`, `no_proxy` (and upper-case
        /// forms) as usual; when false, no proxy is ever used.
        public var useEnvironmentProxy: Bool
        /// Sent as `User-Agent` unless the request already carries one; `nil` sends none.
        public var userAgent: String?
        /// A response body larger than this fails the request instead of filling memory.
        public var maxResponseBytes: Int

        public init(caBundlePath: String? = nil, verifyTLS: Bool = true, timeoutSeconds: Int = 30,
                    connectTimeoutSeconds: Int = 10, useEnvironmentProxy: Bool = true, userAgent: String? = nil,
                    maxResponseBytes: Int = 16 << 20) {
            self.caBundlePath = caBundlePath
            self.verifyTLS = verifyTLS
            self.timeoutSeconds = timeoutSeconds
            self.connectTimeoutSeconds = connectTimeoutSeconds
            self.useEnvironmentProxy = useEnvironmentProxy
            self.userAgent = userAgent
            self.maxResponseBytes = maxResponseBytes
        }
    }
}
