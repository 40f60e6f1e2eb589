/// The checks `diagnose` runs, so programs and tests can find a finding without parsing its text.
public enum DiagnosticCheck: String, Sendable, CaseIterable {
    /// The certificate and key can be read at all.
    case identity
    /// The private key belongs to the certificate.
    case keyMatch
    /// Now lies within the certificate's validity window (and the chain's).
    case validity
    /// The certificate is X.509 version 3.
    case version
    /// keyUsage includes digitalSignature.
    case keyUsage
    /// The certificate is an end entity, not a CA.
    case basicConstraints
    /// The certificates are signed with SHA-256 or stronger.
    case signatureAlgorithm
    /// The key is RSA or EC on a NIST curve.
    case keyAlgorithm
    /// The certificate chains to the given CA bundle.
    case chain
    case trustAnchorArn
    case profileArn
    case roleArn
    /// The ARNs and `--region` name the same region.
    case region
    /// The ARNs name the same account.
    case account
    /// The endpoint URL can be used.
    case endpoint
    /// The signed request verifies with the certificate's public key.
    case requestSignature
    /// The answer of the server, with `--call`.
    case serverCall
}
