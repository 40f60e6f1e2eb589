import Foundation
import RAHTTPServer
import Synchronization

/// `serve`: the local IMDSv2 emulation (and, optionally, an ECS-style endpoint) in front of a
/// ``CredentialProvider``.
///
/// Requests never wait for CreateSession: they get what the provider has cached, which its
/// background task refreshes before expiry. When nothing valid is cached (a long outage), the
/// credential paths answer 500 instead of the official helper's empty credentials with
/// `"Code":"Success"`.
public final class CredentialServer: Sendable {
    public let options: CredentialServerOptions
    /// The name in `/latest/meta-data/iam/security-credentials/<roleName>`.
    public let roleName: String
    private let address: ServeListenAddress
    private let http: HTTPServer
    private let tokens: MetadataTokenStore
    private let clock: @Sendable () -> Date
    private let logger: HelperLogger
    private let sweeper = Mutex<Task<Void, Never>?>(nil)

    /// How often expired IMDS tokens are forgotten, as in the official helper.
    static let sweepInterval: TimeInterval = 5

    /// Checks the options (role ARN, address, hop limit); nothing is bound until ``start()``.
    public convenience init(options: CredentialServerOptions, provider: CredentialProvider,
                            logger: HelperLogger = .disabled) throws(HelperError) {
        try self.init(options: options, source: provider, logger: logger, clock: { Date() },
                      localOffset: { TimeZone.current.secondsFromGMT(for: $0) }, tokens: MetadataTokenStore())
    }

    init(options: CredentialServerOptions, source: any CredentialSource, logger: HelperLogger,
         clock: @escaping @Sendable () -> Date, localOffset: @escaping @Sendable (Date) -> Int,
         tokens: MetadataTokenStore) throws(HelperError) {
        let roleName = try CredentialServerOptions.roleName(fromArn: options.roleArn)
        let address = try ServeListenAddress(options.listenAddress, allowNonLoopback: options.allowNonLoopback)
        guard (0...65_535).contains(options.port) else {
            throw HelperError(.configuration, "invalid port \(options.port): it must be in 0...65535")
        }
        guard (1...255).contains(options.hopLimit) else {
            throw HelperError(.configuration, "invalid hop limit \(options.hopLimit): it must be in 1...255")
        }
        if let container = options.container {
            guard container.path.hasPrefix("/"), container.path != "/" else {
                throw HelperError(.configuration, "invalid container credentials path \(container.path)")
            }
            guard !container.authorizationToken.isEmpty else {
                throw HelperError(.configuration, "the container authorization token is empty")
            }
        }
        let metadata = InstanceMetadataEndpoint(roleName: roleName, tokens: tokens, source: source, clock: clock,
                                                localOffset: localOffset, logger: logger)
        let container = options.container.map {
            ContainerCredentialsEndpoint(path: $0.path, authorizationToken: $0.authorizationToken, source: source,
                                         logger: logger)
        }
        let router = CredentialServerRouter(metadata: metadata, container: container, logger: logger)
        let configuration = HTTPServer.Configuration(
            host: address.literal, port: UInt16(options.port), threadCount: 2, maxBodyBytes: 64 << 10,
            connectionTimeoutSeconds: 30, diagnostics: { logger.debug("HTTP server: \($0)") }, hopLimit: options.hopLimit)
        do {
            http = try HTTPServer(configuration: configuration, responder: router)
        } catch {
            throw HelperError(.configuration, "failed to create listener: \(error.message)")
        }
        self.options = options
        self.roleName = roleName
        self.address = address
        self.tokens = tokens
        self.clock = clock
        self.logger = logger
    }

    deinit {
        sweeper.withLock { $0?.cancel() }
    }

    /// Binds the socket and starts answering.
    /// - Throws: `failed to create listener: …` (address in use, permission denied, …).
    public func start() throws(HelperError) {
        do {
            try http.start()
        } catch {
            throw HelperError(.configuration, "failed to create listener: \(error.message)")
        }
        if !address.isLoopback && options.hopLimit > 1 {
            logger.warning("Listening on \(address.literal), which other hosts can reach, with hop limit "
                + "\(options.hopLimit); --hop-limit 1 keeps the credentials on this network segment")
        }
        startSweeper()
    }

    /// Stops answering; in-flight requests finish first.
    public func stop() {
        sweeper.withLock { task in
            task?.cancel()
            task = nil
        }
        http.stop()
    }

    /// The port bound (the configured one before ``start()``).
    public var port: Int { Int(http.port) }

    /// The value for `AWS_EC2_METADATA_SERVICE_ENDPOINT`, without a trailing slash (some SDKs
    /// mishandle one).
    public var metadataEndpoint: String { "http://\(address.urlHost):\(port)" }

    /// The value for `AWS_CONTAINER_CREDENTIALS_FULL_URI` when the container endpoint is on.
    public var containerCredentialsURI: String? {
        options.container.map { "http://\(address.urlHost):\(port)\($0.path)" }
    }

    private func startSweeper() {
        let tokens = self.tokens
        let clock = self.clock
        let logger = self.logger
        sweeper.withLock { task in
            guard task == nil else { return }
            task = Task {
                while !Task.isCancelled {
                    do {
                        try await Task.sleep(nanoseconds: UInt64(Self.sweepInterval * 1_000_000_000))
                    } catch {
                        return
                    }
                    let removed = tokens.removeExpired(now: clock())
                    if removed > 0 { logger.debug("Removed \(removed) expired token(s)") }
                }
            }
        }
    }
}
