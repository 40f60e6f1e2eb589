import RACore

/// Chooses the issuer per role: the server mints its own credentials by default, and roles the
/// configuration names are brokered to an upstream STS.
public struct RoleRoutedIssuer: CredentialIssuer {
    public let fallback: any CredentialIssuer
    /// Role ARN (ours) → the issuer for that role.
    public let routes: [String: any CredentialIssuer]

    public init(fallback: any CredentialIssuer, routes: [String: any CredentialIssuer]) {
        self.fallback = fallback
        self.routes = routes
    }

    public func issue(_ grant: SessionGrant) throws(ServiceFailure) -> IssuedCredentials {
        try (routes[grant.role.arn] ?? fallback).issue(grant)
    }
}
