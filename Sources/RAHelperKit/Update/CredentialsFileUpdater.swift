/// `update`: keeps one profile of the shared credentials file filled with fresh credentials.
///
/// Unlike the official helper, which exits on the first CreateSession error (users wrap it in
/// systemd `Restart=`), it rides out outages: the provider retries with backoff and the file
/// keeps the last credentials, which stay valid until their expiration.
public struct CredentialsFileUpdater: Sendable {
    public let file: CredentialsFile
    public let profile: String
    private let provider: CredentialProvider
    private let logger: HelperLogger

    public init(file: CredentialsFile, profile: String, provider: CredentialProvider, logger: HelperLogger = .disabled) {
        self.file = file
        self.profile = profile
        self.provider = provider
        self.logger = logger
    }

    /// `--once`: one write of the provider's credentials (one CreateSession call, with the
    /// client's own retries, unless valid ones are cached).
    @discardableResult
    public func updateOnce() async throws(HelperError) -> CredentialSnapshot {
        let snapshot = try await provider.snapshot()
        try write(snapshot)
        return snapshot
    }

    /// Writes the first credentials (transient failures are retried, others thrown), then every
    /// refresh, until the provider stops. A file that cannot be written ends the loop with an error.
    public func run() async throws(HelperError) {
        let events = provider.events()
        var written = try await provider.startRefreshing()
        try write(written)
        for await event in events {
            guard case .refreshed(let snapshot) = event, snapshot != written else { continue }
            try write(snapshot)
            written = snapshot
        }
    }

    private func write(_ snapshot: CredentialSnapshot) throws(HelperError) {
        try file.update(profile: profile, credentials: snapshot.credentials)
        logger.info("Wrote credentials valid until \(snapshot.credentials.expiration) to profile \(profile) in \(file.path)")
    }
}
