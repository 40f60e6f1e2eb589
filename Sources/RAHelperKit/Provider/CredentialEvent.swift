import Foundation

/// What a ``CredentialProvider`` reports to observers after each CreateSession attempt, so that
/// `update` can rewrite the credentials file exactly when new credentials arrive.
public enum CredentialEvent: Sendable {
    /// New credentials are in the cache.
    case refreshed(CredentialSnapshot)
    /// An attempt failed; `consecutiveFailures` counts since the last success and `nextAttempt`
    /// is when the provider will try again on its own.
    case failed(HelperError, consecutiveFailures: Int, nextAttempt: Date)
}
