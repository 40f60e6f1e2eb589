import Foundation
public import RAHTTPClient
public import RAWire

/// The temporary credentials CreateSession returns; `expiration` is the service's RFC 3339 text.
public typealias Credentials = SessionCredentials

/// Calls IAM Roles Anywhere's CreateSession and returns credentials: the whole of
/// `credential-process`, usable in-process by any Swift program.
///
/// Each `credentials()` call loads the signer afresh (so rotated certificate and key files are picked
/// up), signs a new request per attempt, and retries transient failures like the AWS SDK's standard
/// retryer (3 attempts, jittered exponential backoff).
public struct CreateSessionClient: Sendable {
    public var configuration: CredentialsConfiguration
    /// Attempts per call, including the first; the SDK default is 3.
    public var maxAttempts: Int
    private let transport: any HTTPTransport
    private let clock: @Sendable () -> Date
    private let sleep: @Sendable (Double) -> Void
    private let invocationID: @Sendable () -> String
    private let log: (@Sendable (String) -> Void)?

    /// - Parameters:
    ///   - transport: libcurl by default; tests pass a fake.
    ///   - log: receives diagnostics when `configuration.debug` is set (never keys or credentials).
    public init(configuration: CredentialsConfiguration, transport: any HTTPTransport = HTTPClient(),
                maxAttempts: Int = 3, log: (@Sendable (String) -> Void)? = nil) {
        self.init(configuration: configuration, transport: transport, maxAttempts: maxAttempts, log: log,
                  clock: { Date() }, sleep: { seconds in Thread.sleep(forTimeInterval: seconds) },
                  invocationID: { UUID().uuidString.lowercased() })
    }

    /// Full injection, for tests that pin the time, skip the backoff sleeps and fix the invocation ID.
    init(configuration: CredentialsConfiguration, transport: any HTTPTransport, maxAttempts: Int,
         log: (@Sendable (String) -> Void)?, clock: @escaping @Sendable () -> Date,
         sleep: @escaping @Sendable (Double) -> Void, invocationID: @escaping @Sendable () -> String) {
        self.configuration = configuration
        self.transport = transport
        self.maxAttempts = max(1, maxAttempts)
        self.clock = clock
        self.sleep = sleep
        self.invocationID = invocationID
        self.log = log
    }

    /// Loads the configured signer and calls CreateSession.
    public func credentials() throws(HelperError) -> Credentials {
        try credentials(using: SignerFactory.makeSigner(for: configuration))
    }

    /// Calls CreateSession with a signer the caller built (e.g. from an in-memory key).
    public func credentials(using signer: any CredentialSigner) throws(HelperError) -> Credentials {
        let builder = try CreateSessionRequestBuilder(configuration: configuration,
                                                      target: SessionTarget(configuration: configuration))
        let invocation = invocationID()
        debug("CreateSession transport: CA bundle \(configuration.caBundlePath ?? "(system default)"), "
            + "TLS verification \(configuration.noVerifySSL ? "off" : "on")")
        var attempt = 1
        while true {
            let (request, stringToSign) = try builder.request(signer: signer, date: clock(), invocationID: invocation,
                                                              attempt: attempt, maxAttempts: maxAttempts)
            debug("CreateSession attempt \(attempt)/\(maxAttempts): POST \(request.url)\nString to sign:\n\(stringToSign)")
            let failure: AttemptFailure
            switch Result(catching: { () throws(HTTPClientError) in try transport.send(request, options: httpOptions) }) {
            case .success(let response):
                debug("CreateSession response: HTTP \(response.status), request ID '\(ServiceFailureDecoder.requestIdentifier(of: response))'")
                if (200..<300).contains(response.status) { return try Self.decodeCredentials(response) }
                failure = ServiceFailureDecoder.decode(response)
            case .failure(let error):
                failure = .transport(error, url: request.url)
            }
            guard failure.isRetryable else { throw failure.error(afterExhausting: nil) }
            guard attempt < maxAttempts else { throw failure.error(afterExhausting: maxAttempts) }
            sleep(Self.backoff(attempt: attempt))
            attempt += 1
        }
    }

    /// The transport settings the configuration implies. Proxy variables are always honoured, as
    /// the official helper's SDK transport does since 1.5.0; `withProxy` is accepted for compatibility.
    var httpOptions: HTTPClient.Options {
        HTTPClient.Options(caBundlePath: configuration.caBundlePath, verifyTLS: !configuration.noVerifySSL,
                           useEnvironmentProxy: true)
    }

    static func decodeCredentials(_ response: HTTPClient.Response) throws(HelperError) -> Credentials {
        let decoded: CreateSessionResponse
        do {
            decoded = try CreateSessionResponse.decode(response.body)
        } catch {
            throw AttemptFailure.undecodable(status: response.status,
                                             requestID: ServiceFailureDecoder.requestIdentifier(of: response),
                                             reason: error.message).error(afterExhausting: nil)
        }
        guard let first = decoded.credentialSet.first else {
            throw HelperError(.response, "unable to obtain temporary security credentials from CreateSession")
        }
        return first.credentials
    }

    /// The SDK's jittered exponential backoff: a random fraction of 2^attempt seconds, at most 20.
    static func backoff(attempt: Int) -> Double {
        Double.random(in: 0..<1) * min(20, Double(1 << min(attempt, 5)))
    }

    private func debug(_ message: @autoclosure () -> String) {
        guard configuration.debug, let log else { return }
        log(message())
    }
}
