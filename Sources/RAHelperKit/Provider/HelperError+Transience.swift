extension HelperError {
    /// Whether waiting and trying again can help: no answer at all, throttling, or a server-side
    /// failure. Configuration, identity and signing problems, and the service's refusals (4xx),
    /// need a person to fix something, so a daemon starting up reports them at once.
    public var isTransient: Bool {
        if case .transport = code { return transportIsRetryable }
        if case .service(let failure) = code {
            return failure.statusCode == 429 || failure.statusCode >= 500
                || failure.errorCode.lowercased().contains("throttl")
        }
        return false
    }
}
