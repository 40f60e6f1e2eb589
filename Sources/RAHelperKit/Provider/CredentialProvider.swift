import Dispatch
import Foundation
public import RAHTTPClient
import RAWire
import Synchronization

/// Credentials for a Swift program, or for the helper's own `serve` and `update`: configuration in,
/// credentials out, cached and refreshed before they expire.
///
/// One background task owns refreshing: it sleeps until the refresh time (see ``RefreshPolicy``),
/// calls CreateSession, and on failure retries with bounded, jittered exponential backoff while
/// the cached credentials stay in use for as long as they are valid. Callers never wait for a
/// refresh while valid credentials are cached; when none are, every caller that asks at the same
/// time shares one CreateSession call. Expired credentials are never returned: the caller gets
/// the error that kept the provider from refreshing instead.
///
/// Safe to use from any number of tasks and threads. The background task starts with the first
/// request (or ``startRefreshing()``) and ends with ``stop()`` or when the provider is released.
public final class CredentialProvider: Sendable {
    public let policy: RefreshPolicy
    private let logger: HelperLogger
    private let clock: any ProviderClock
    private let random: @Sendable () -> Double
    private let fetch: @Sendable () throws(HelperError) -> Credentials
    private let state = Mutex(State())

    /// The longest single sleep of the background task; a wall-clock jump (suspend, NTP step)
    /// therefore delays a due refresh by at most this long.
    static let maximumSleep: TimeInterval = 60

    private struct State {
        var current: CredentialSnapshot?
        var inFlight: Task<Result<CredentialSnapshot, HelperError>, Never>?
        var owner: Task<Void, Never>?
        var stopped = false
        var consecutiveFailures = 0
        var lastError: HelperError?
        /// Set after a failure: no new attempt before this time (the backoff).
        var retryNotBefore: Date?
        var observers: [Int: AsyncStream<CredentialEvent>.Continuation] = [:]
        var nextObserverID = 0
    }

    /// A provider that calls CreateSession as `configuration` says.
    /// - Parameters:
    ///   - transport: libcurl by default.
    ///   - maxAttempts: HTTP attempts per refresh (the SDK-style retry inside one CreateSession
    ///     call); the provider's own backoff comes on top of it.
    ///   - logger: receives start-up, refresh and failure lines, never secrets.
    public convenience init(configuration: CredentialsConfiguration, transport: any HTTPTransport = HTTPClient(),
                            maxAttempts: Int = 3, policy: RefreshPolicy = RefreshPolicy(),
                            logger: HelperLogger = .disabled) {
        let client = CreateSessionClient(configuration: configuration, transport: transport, maxAttempts: maxAttempts,
                                         log: { logger.debug($0) })
        self.init(client: client, policy: policy, logger: logger)
    }

    /// A provider around a client the caller configured.
    public convenience init(client: CreateSessionClient, policy: RefreshPolicy = RefreshPolicy(),
                            logger: HelperLogger = .disabled) {
        self.init(policy: policy, logger: logger, clock: SystemProviderClock(), random: { Double.random(in: 0..<1) },
                  fetch: { () throws(HelperError) in try client.credentials() })
    }

    /// Full injection for tests: a hand-moved clock, pinned jitter, a scripted CreateSession.
    init(policy: RefreshPolicy, logger: HelperLogger, clock: any ProviderClock, random: @escaping @Sendable () -> Double,
         fetch: @escaping @Sendable () throws(HelperError) -> Credentials) {
        self.policy = policy
        self.logger = logger
        self.clock = clock
        self.random = random
        self.fetch = fetch
    }

    deinit {
        let (owner, observers) = state.withLock { state in
            (state.owner, Array(state.observers.values))
        }
        owner?.cancel()
        observers.forEach { $0.finish() }
    }

    // MARK: - Asking for credentials

    /// Valid credentials: the cached ones, or new ones from CreateSession when none are valid.
    /// - Throws: the CreateSession error (or, during backoff, the last one) when nothing valid is cached.
    public func credentials() async throws(HelperError) -> Credentials {
        try await snapshot().credentials
    }

    /// Like ``credentials()``, with the expiration parsed and the time they were obtained.
    public func snapshot() async throws(HelperError) -> CredentialSnapshot {
        enum Next {
            case ready(CredentialSnapshot)
            case wait(Task<Result<CredentialSnapshot, HelperError>, Never>)
            case fail(HelperError)
        }
        let now = clock.now
        let next: Next = state.withLock { state in
            startOwnerIfNeeded(&state)
            if let current = state.current, policy.isUsable(expiration: current.expiration, at: now) {
                return .ready(current)
            }
            if let inFlight = state.inFlight { return .wait(inFlight) }
            if let notBefore = state.retryNotBefore, now < notBefore, let error = state.lastError {
                return .fail(Self.unavailable(after: error))
            }
            return .wait(startFetch(&state))
        }
        switch next {
        case .ready(let snapshot):
            return snapshot
        case .fail(let error):
            throw error
        case .wait(let task):
            return try await task.value.get()
        }
    }

    /// The cached credentials if they are still valid, without waiting or calling the service:
    /// for synchronous callers such as the HTTP handlers of `serve`, which must answer at once.
    /// - Throws: why nothing valid is cached (the last refresh error when there is one).
    public func cachedSnapshot() throws(HelperError) -> CredentialSnapshot {
        let now = clock.now
        return try state.withLock { (state: inout State) throws(HelperError) -> CredentialSnapshot in
            startOwnerIfNeeded(&state)
            if let current = state.current, policy.isUsable(expiration: current.expiration, at: now) {
                return current
            }
            if let error = state.lastError { throw Self.unavailable(after: error) }
            if let current = state.current {
                throw HelperError(.transport, "the credentials expired at \(current.credentials.expiration) "
                    + "and have not been refreshed yet")
            }
            throw HelperError(.transport, "no credentials have been obtained yet")
        }
    }

    // MARK: - Background refresh

    /// Starts the background refresh and waits for the first credentials. Transient failures
    /// (no answer, throttling, 5xx) are retried with backoff; any other failure is thrown at once
    /// and the provider stops, so a daemon with a wrong flag exits instead of retrying forever.
    @discardableResult
    public func startRefreshing() async throws(HelperError) -> CredentialSnapshot {
        let (id, stream) = observe()
        defer { removeObserver(id) }
        let now = clock.now
        let ready: CredentialSnapshot? = state.withLock { state in
            startOwnerIfNeeded(&state)
            guard let current = state.current, policy.isUsable(expiration: current.expiration, at: now) else { return nil }
            return current
        }
        if let ready { return ready }
        for await event in stream {
            switch event {
            case .refreshed(let snapshot):
                return snapshot
            case .failed(let error, _, _) where !error.isTransient:
                stop()
                throw error
            case .failed:
                continue
            }
        }
        throw HelperError(.configuration, "the credential provider was stopped before it obtained credentials")
    }

    /// Every refresh outcome from now on, for as long as the provider runs.
    public func events() -> AsyncStream<CredentialEvent> {
        observe().stream
    }

    /// Ends the background refresh and finishes every ``events()`` stream. Cached credentials stay
    /// readable, and ``credentials()`` still fetches on demand.
    public func stop() {
        let (owner, observers) = state.withLock { state in
            state.stopped = true
            defer {
                state.owner = nil
                state.observers = [:]
            }
            return (state.owner, Array(state.observers.values))
        }
        owner?.cancel()
        observers.forEach { $0.finish() }
    }

    /// A new observer stream; already finished when the provider has been stopped.
    private func observe() -> (id: Int, stream: AsyncStream<CredentialEvent>) {
        let (stream, continuation) = AsyncStream<CredentialEvent>.makeStream(bufferingPolicy: .bufferingNewest(32))
        let id: Int? = state.withLock { state in
            guard !state.stopped else { return nil }
            state.nextObserverID += 1
            state.observers[state.nextObserverID] = continuation
            return state.nextObserverID
        }
        guard let id else {
            continuation.finish()
            return (0, stream)
        }
        continuation.onTermination = { [weak self] _ in self?.removeObserver(id) }
        return (id, stream)
    }

    private func removeObserver(_ id: Int) {
        _ = state.withLock { $0.observers.removeValue(forKey: id) }
    }

    private func startOwnerIfNeeded(_ state: inout State) {
        guard state.owner == nil, !state.stopped else { return }
        let clock = self.clock
        state.owner = Task { [weak self] in
            while !Task.isCancelled {
                guard let wake = await self?.ownerIteration() else { return }
                let deadline = min(wake, clock.now.addingTimeInterval(Self.maximumSleep))
                do {
                    try await clock.sleep(until: deadline)
                } catch {
                    return
                }
            }
        }
    }

    /// One turn of the background task: refresh if due, and say when to look again.
    private func ownerIteration() async -> Date {
        let now = clock.now
        let due: Date? = state.withLock { state in
            if let current = state.current, policy.isUsable(expiration: current.expiration, at: now) {
                let refresh = policy.refreshTime(obtainedAt: current.obtainedAt, expiration: current.expiration)
                if now < refresh { return refresh }
            }
            if let notBefore = state.retryNotBefore, now < notBefore { return notBefore }
            return nil
        }
        if let due { return due }
        let task = state.withLock { state in state.inFlight ?? startFetch(&state) }
        switch await task.value {
        case .success(let snapshot):
            return policy.refreshTime(obtainedAt: snapshot.obtainedAt, expiration: snapshot.expiration)
        case .failure:
            return state.withLock { $0.retryNotBefore } ?? clock.now.addingTimeInterval(policy.initialBackoff)
        }
    }

    // MARK: - The one CreateSession call in flight

    private func startFetch(_ state: inout State) -> Task<Result<CredentialSnapshot, HelperError>, Never> {
        let task = Task { await self.performFetch() }
        state.inFlight = task
        return task
    }

    /// Calls CreateSession on a dispatch thread (the HTTP client blocks), checks the answer, stores
    /// it, and tells observers.
    private func performFetch() async -> Result<CredentialSnapshot, HelperError> {
        let fetch = self.fetch
        let fetched: Result<Credentials, HelperError> = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(returning: Result { () throws(HelperError) in try fetch() })
            }
        }
        let now = clock.now
        let checked = fetched.flatMap { Self.check($0, obtainedAt: now, policy: policy) }
        let (event, observers, previous) = state.withLock { state in
            state.inFlight = nil
            let previous = state.current
            let event: CredentialEvent
            switch checked {
            case .success(let snapshot):
                state.current = snapshot
                state.consecutiveFailures = 0
                state.lastError = nil
                state.retryNotBefore = nil
                event = .refreshed(snapshot)
            case .failure(let error):
                state.consecutiveFailures += 1
                var delay = policy.backoff(afterFailures: state.consecutiveFailures, random: random())
                if let current = state.current, policy.isUsable(expiration: current.expiration, at: now) {
                    // Try a few more times before the cached credentials become unusable.
                    let usableFor = current.expiration.timeIntervalSince(now) - policy.expiryMargin
                    delay = min(delay, max(policy.initialBackoff, usableFor / 2))
                }
                let next = now.addingTimeInterval(delay)
                state.lastError = error
                state.retryNotBefore = next
                event = .failed(error, consecutiveFailures: state.consecutiveFailures, nextAttempt: next)
            }
            return (event, Array(state.observers.values), previous)
        }
        report(event, previous: previous, at: now)
        observers.forEach { $0.yield(event) }
        return checked
    }

    private func report(_ event: CredentialEvent, previous: CredentialSnapshot?, at now: Date) {
        switch event {
        case .refreshed(let snapshot):
            let refresh = policy.refreshTime(obtainedAt: snapshot.obtainedAt, expiration: snapshot.expiration)
            logger.info("Obtained credentials valid until \(snapshot.credentials.expiration); "
                + "they will be refreshed at \(RFC3339.format(refresh))")
        case .failed(let error, let failures, let next):
            let retry = "next attempt in \(Int(next.timeIntervalSince(now).rounded(.up))) s"
            if previous == nil && !error.isTransient {
                // Nothing was ever obtained and retrying will not help: whoever asked gets the
                // error (a daemon exits with it), so it is not logged twice.
                logger.debug("Obtaining credentials failed: \(error.message)")
            } else if let previous, policy.isUsable(expiration: previous.expiration, at: now) {
                logger.warning("Refreshing credentials failed (attempt \(failures)): \(error.message); still serving "
                    + "credentials valid until \(previous.credentials.expiration); \(retry)")
            } else {
                logger.error("Obtaining credentials failed (attempt \(failures)): \(error.message); \(retry)")
            }
        }
    }

    /// Refuses what no caller should ever be handed: empty fields, an expiration that does not
    /// parse, or credentials that are already (nearly) expired.
    static func check(_ credentials: Credentials, obtainedAt: Date,
                      policy: RefreshPolicy) -> Result<CredentialSnapshot, HelperError> {
        guard !credentials.accessKeyId.isEmpty, !credentials.secretAccessKey.isEmpty,
              !credentials.sessionToken.isEmpty else {
            return .failure(HelperError(.response, "CreateSession returned empty credentials"))
        }
        guard let expiration = try? RFC3339.parse(credentials.expiration) else {
            return .failure(HelperError(.response, "CreateSession returned an expiration that is not RFC 3339: "
                + "'\(credentials.expiration)'"))
        }
        guard policy.isUsable(expiration: expiration, at: obtainedAt) else {
            return .failure(HelperError(.response, "CreateSession returned credentials that expire at "
                + "\(credentials.expiration), too soon to use (is this host's clock right?)"))
        }
        return .success(CredentialSnapshot(credentials: credentials, expiration: expiration, obtainedAt: obtainedAt))
    }

    /// The error for "nothing valid to hand out", keeping the cause's code so callers can tell
    /// an outage from a refusal.
    private static func unavailable(after error: HelperError) -> HelperError {
        HelperError(error.code, "no valid credentials: \(error.message)")
    }
}
