import Foundation
import RAHTTPClient

/// Sends one logical request with the retry policy: a fresh request per attempt (so each is
/// signed with the current time), retries only for transient failures, and a deadline covering
/// every attempt and wait.
struct RetryingSender: Sendable {
    var transport: UpstreamTransport
    var retry: UpstreamRetryPolicy
    var service: String
    var action: String
    /// Proxies make no sense for link-local endpoints such as IMDS.
    var forbidsProxy = false
    var http = HTTPClient()

    /// Runs attempts until `interpret` returns a value or a failure that is not transient.
    /// - Parameters:
    ///   - makeRequest: builds (and signs) the request for one attempt.
    ///   - interpret: turns an HTTP response into the value or a failure (whose `attempts` is set
    ///     here); both closures receive the attempt number, starting at 1.
    func send<Value>(_ makeRequest: (Int) throws(UpstreamCallError) -> HTTPClient.Request,
                     interpret: (HTTPClient.Response, Int) -> Result<Value, UpstreamCallError>) throws(UpstreamCallError) -> Value {
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = Duration.milliseconds(Int64(retry.deadlineSeconds * 1000))
        var attempt = 0
        while true {
            attempt += 1
            let remaining = deadline - start.duration(to: clock.now)
            var failure: UpstreamCallError
            let request = try makeRequest(attempt)
            do throws(HTTPClientError) {
                let response = try http.send(request, options: options(remaining: remaining))
                switch interpret(response, attempt) {
                case .success(let value): return value
                case .failure(let error): failure = error
                }
            } catch {
                failure = transportFailure(error)
            }
            failure.attempts = attempt
            guard failure.isTransient, attempt < retry.maxAttempts else { throw failure }
            let wait = retry.delay(beforeAttempt: attempt + 1, unitRandom: Double.random(in: 0...1))
            let elapsed = start.duration(to: clock.now)
            guard elapsed + .milliseconds(Int64(wait * 1000)) < deadline else {
                failure.detail += (failure.detail.isEmpty ? "" : "; ") + "retry deadline of \(retry.deadlineSeconds) s reached"
                throw failure
            }
            Thread.sleep(forTimeInterval: wait)
        }
    }

    /// The transport settings for one attempt, its timeout cut to what is left of the deadline.
    private func options(remaining: Duration) -> HTTPClient.Options {
        let seconds = Double(remaining.components.seconds) + Double(remaining.components.attoseconds) / 1e18
        let timeout = max(1, min(transport.requestTimeoutSeconds, Int(seconds.rounded(.up))))
        return HTTPClient.Options(caBundlePath: transport.caBundlePath, timeoutSeconds: timeout,
                                  connectTimeoutSeconds: max(1, min(transport.connectTimeoutSeconds, timeout)),
                                  useEnvironmentProxy: transport.useEnvironmentProxy && !forbidsProxy,
                                  userAgent: "rolesanywhere-upstream", maxResponseBytes: 1 << 20)
    }

    private func transportFailure(_ error: HTTPClientError) -> UpstreamCallError {
        let kind: UpstreamCallError.Kind = switch error.kind {
        case .invalidRequest: .invalidRequest
        case .tls: .tlsFailure
        case .responseTooLarge: .malformedResponse
        case .couldNotResolveHost, .couldNotConnect, .timedOut, .transport: .unreachable
        }
        return UpstreamCallError(kind: kind, service: service, action: action, detail: error.message)
    }
}
