/// What the local credential endpoints read on every request: whatever valid credentials are
/// cached right now. Synchronous, because the HTTP server calls its handlers on its own threads
/// and must answer at once; refreshing is somebody else's job (the provider's background task).
protocol CredentialSource: Sendable {
    /// - Throws: when no valid credentials are cached; the endpoints answer 500 then.
    func cachedSnapshot() throws(HelperError) -> CredentialSnapshot
}

extension CredentialProvider: CredentialSource {}
