extension HTTPServer {
    /// Everything the transport needs to know, as plain values assembled once by the executable.
    public struct Configuration: Sendable {
        /// The IP literal to listen on: `"127.0.0.1"`, `"::1"`, `"0.0.0.0"` or `"::"` (any other
        /// literal works too). `"::"` accepts IPv4 as well (dual stack); other IPv6 addresses are
        /// IPv6-only. Host names are not resolved, so the bound address is never a surprise.
        public var host: String
        /// 0 asks the kernel for a free port; read the result from ``HTTPServer/port``.
        public var port: UInt16
        /// Serve HTTPS instead of HTTP when set.
        public var tls: TLS?
        /// Worker threads, each running its own epoll loop. The request path is synchronous
        /// (OpenSSL, SQLite), so this is also the number of requests handled at once.
        public var threadCount: Int
        /// Largest request body handed to the responder. A larger body is read and discarded (never
        /// buffered) and answered by the responder's `respondToOversizedBody` plus `Connection: close`. To bound the
        /// work an abusive client can cause, a client announcing more than `maxBodyBytes` together
        /// with `Expect: 100-continue`, or more than `maxBodyBytes` + 8 MiB, is answered before its
        /// body is read; one that streams more than that is disconnected.
        public var maxBodyBytes: Int
        /// Idle time after which a connection is closed.
        public var connectionTimeoutSeconds: Int
        /// Memory libmicrohttpd may use per connection for the request line, the header block and
        /// I/O buffers. The default of 128 KiB admits header blocks of about 64 KiB (an
        /// `X-Amz-X509-Chain` of several large certificates fits easily); a larger header block is
        /// answered by libmicrohttpd itself with 431 and the connection is closed.
        public var connectionMemoryLimitBytes: Int
        /// Receives libmicrohttpd's own diagnostics (TLS handshake failures, socket errors).
        /// They carry no request data. `nil` drops them.
        public var diagnostics: (@Sendable (String) -> Void)?
        /// IP TTL (IPv4) / unicast hop limit (IPv6) of every packet the server sends, 1...255;
        /// `nil` keeps the system default. Set on the listening socket, whose accepted
        /// connections inherit it. `aws_signing_helper serve --hop-limit 1` uses it so, as on
        /// EC2, the credentials cannot be fetched from beyond the first hop.
        public var hopLimit: Int?

        public init(host: String = "127.0.0.1", port: UInt16 = 0, tls: TLS? = nil, threadCount: Int = 4,
                    maxBodyBytes: Int = 1 << 20, connectionTimeoutSeconds: Int = 30,
                    connectionMemoryLimitBytes: Int = 128 << 10,
                    diagnostics: (@Sendable (String) -> Void)? = nil, hopLimit: Int? = nil) {
            self.host = host
            self.port = port
            self.tls = tls
            self.threadCount = threadCount
            self.maxBodyBytes = maxBodyBytes
            self.connectionTimeoutSeconds = connectionTimeoutSeconds
            self.connectionMemoryLimitBytes = connectionMemoryLimitBytes
            self.diagnostics = diagnostics
            self.hopLimit = hopLimit
        }
    }

    /// Server credentials for HTTPS, as PEM text so they can come from a file, the environment or a
    /// secret store without touching the file system here.
    public struct TLS: Sendable {
        /// GnuTLS priority string allowing TLS 1.3 and 1.2 only: AWS requires at least TLS 1.2.
        public static let modernPriorities = "NORMAL:-VERS-ALL:+VERS-TLS1.3:+VERS-TLS1.2"

        /// The server certificate, optionally followed by the intermediates clients need.
        public var certificatePEM: String
        /// The unencrypted private key for the certificate.
        public var privateKeyPEM: String
        /// The GnuTLS priority string deciding protocol versions and cipher suites.
        public var priorities: String

        public init(certificatePEM: String, privateKeyPEM: String, priorities: String = TLS.modernPriorities) {
            self.certificatePEM = certificatePEM
            self.privateKeyPEM = privateKeyPEM
            self.priorities = priorities
        }
    }
}
