/// The outcome of asking one source: credentials, or the reason it has none to offer (not
/// configured here), so the chain can move on and still explain itself if nothing is found.
///
/// A source that is configured but broken throws instead: falling through to the next source
/// would hide the misconfiguration and hand the server an identity the operator did not choose.
public enum CredentialResolution: Sendable, Equatable {
    case found(UpstreamCredentials)
    case absent(String)
}
