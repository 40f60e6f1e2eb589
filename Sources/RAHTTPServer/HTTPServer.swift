public import RAHTTP
import Synchronization

/// The HTTP(S) transport: accepts connections with libmicrohttpd and hands each complete request to
/// a synchronous ``Responder`` on one of its worker threads.
///
/// It keeps what SigV4 needs and most servers throw away: the request target exactly as sent
/// (query and percent-encoding intact) and every header in arrival order with the client's
/// spelling. Bodies are capped so a client cannot make the server buffer unbounded data.
public final class HTTPServer: Sendable {
    /// Kept so the executable can report what it is serving (address, TLS) after start.
    public let configuration: Configuration
    private let responder: any Responder
    private let state: Mutex<RunState>

    private struct RunState {
        var daemon: Daemon?
        var port: UInt16
    }

    /// Checks the configuration; nothing is bound until ``start()``.
    public init(configuration: Configuration, responder: any Responder) throws(HTTPServerError) {
        guard ListenAddress(host: configuration.host) != nil else {
            throw HTTPServerError(.invalidConfiguration,
                                  "listen address \"\(configuration.host)\" is not an IPv4 or IPv6 literal")
        }
        guard (1...256).contains(configuration.threadCount) else {
            throw HTTPServerError(.invalidConfiguration, "thread count \(configuration.threadCount) is not in 1...256")
        }
        guard configuration.maxBodyBytes >= 0 else {
            throw HTTPServerError(.invalidConfiguration, "maximum body size \(configuration.maxBodyBytes) is negative")
        }
        guard (0...86_400).contains(configuration.connectionTimeoutSeconds) else {
            throw HTTPServerError(.invalidConfiguration,
                                  "connection timeout \(configuration.connectionTimeoutSeconds) s is not in 0...86400")
        }
        guard (8 << 10...64 << 20).contains(configuration.connectionMemoryLimitBytes) else {
            throw HTTPServerError(.invalidConfiguration,
                                  "connection memory limit \(configuration.connectionMemoryLimitBytes) is not in 8 KiB...64 MiB")
        }
        if let hopLimit = configuration.hopLimit, !(1...255).contains(hopLimit) {
            throw HTTPServerError(.invalidConfiguration, "hop limit \(hopLimit) is not in 1...255")
        }
        if let tls = configuration.tls {
            guard tls.certificatePEM.contains("-----BEGIN") else {
                throw HTTPServerError(.tlsFailed, "the TLS certificate is not PEM text")
            }
            guard tls.privateKeyPEM.contains("-----BEGIN") else {
                throw HTTPServerError(.tlsFailed, "the TLS private key is not PEM text")
            }
        }
        self.configuration = configuration
        self.responder = responder
        self.state = Mutex(RunState(daemon: nil, port: configuration.port))
    }

    deinit { stop() }

    /// Binds the listening socket and starts serving. Does nothing if already running; after
    /// ``stop()`` it binds afresh (a configured port of 0 then yields a new port).
    public func start() throws(HTTPServerError) {
        try state.withLock { (state: inout RunState) throws(HTTPServerError) in
            guard state.daemon == nil else { return }
            // Validated in init, so the literal parses.
            guard let address = ListenAddress(host: configuration.host) else {
                throw HTTPServerError(.invalidConfiguration, "listen address \"\(configuration.host)\" is not an IP literal")
            }
            let daemon = try Daemon.start(configuration, address: address, responder: responder)
            state.port = daemon.port
            state.daemon = daemon
        }
    }

    /// The port actually bound (the configured one before the first start; the last bound one
    /// after ``stop()``).
    public var port: UInt16 { state.withLock { $0.port } }

    /// Closes the listening socket and every connection, and waits for in-flight handlers to
    /// return. Safe to call more than once and from any thread except a handler's own.
    public func stop() {
        let daemon = state.withLock { (state: inout RunState) -> Daemon? in
            defer { state.daemon = nil }
            return state.daemon
        }
        daemon?.stop()
    }
}
