import Foundation
import RACrypto

/// The built-in CA for people who have no PKI yet: a root that issues client certificates shaped as
/// Roles Anywhere wants them, and CRLs that revoke them. File handling is the caller's.
public struct CertificateAuthority: Sendable {
    public let certificate: Certificate
    public let key: PrivateKey

    public static let defaultSubject = "CN=Roles Anywhere Root CA,O=Roles Anywhere"
    public static let defaultCADays = 3650
    public static let defaultLeafDays = 365

    public init(certificate: Certificate, key: PrivateKey) throws(ServiceFailure) {
        guard key.matches(certificate) else {
            throw ServiceFailure(.validation, "the CA key does not belong to the CA certificate")
        }
        self.certificate = certificate
        self.key = key
    }

    /// A new self-signed root: CA:TRUE (critical), keyCertSign + cRLSign, SHA-256 or stronger.
    public static func create(subject: DistinguishedName, keyType: PrivateKey.KeyType, days: Int, now: Date) throws -> CertificateAuthority {
        let key = try PrivateKey.generate(keyType)
        let builder = CertificateBuilder(
            subject: subject, serial: .random(byteCount: 16), notBefore: now.addingTimeInterval(-300),
            notAfter: now.addingTimeInterval(TimeInterval(days) * 86_400), publicKey: key.publicKey, isCA: true,
            keyUsage: [.keyCertSign, .cRLSign, .digitalSignature], signatureDigest: digest(for: keyType))
        return try CertificateAuthority(certificate: try builder.sign(with: key, issuerCertificate: nil), key: key)
    }

    /// An end-entity certificate for `subject` with a fresh key: digitalSignature, clientAuth, a
    /// random 16-byte serial, valid from five minutes ago (clock skew) for `days` days.
    /// With `server` true the certificate is for a TLS listener instead (serverAuth,
    /// digitalSignature + keyEncipherment), e.g. for `rolesanywhere serve --tls-cert`.
    public func issue(subject: DistinguishedName, keyType: PrivateKey.KeyType, days: Int, subjectAlternativeNames: [GeneralName],
                      server: Bool = false, now: Date) throws -> (certificate: Certificate, key: PrivateKey) {
        let leafKey = try PrivateKey.generate(keyType)
        let notAfter = min(now.addingTimeInterval(TimeInterval(days) * 86_400), certificate.notAfter)
        let builder = CertificateBuilder(
            subject: subject, serial: .random(byteCount: 16), notBefore: now.addingTimeInterval(-300), notAfter: notAfter,
            publicKey: leafKey.publicKey, isCA: false,
            keyUsage: server ? [.digitalSignature, .keyEncipherment] : [.digitalSignature],
            extendedKeyUsage: [server ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2"],
            subjectAlternativeNames: subjectAlternativeNames, signatureDigest: Self.digest(for: key))
        return (try builder.sign(with: key, issuerCertificate: certificate), leafKey)
    }

    /// A CRL listing `revoked`, valid for `days` days, numbered `number`.
    public func revocationList(revoked: [(serial: SerialNumber, date: Date)], number: Int, days: Int, now: Date) throws -> CertificateRevocationList {
        let builder = CRLBuilder(issuer: certificate, revoked: revoked, thisUpdate: now,
                                 nextUpdate: now.addingTimeInterval(TimeInterval(days) * 86_400),
                                 crlNumber: SerialNumber(decimal: String(number)), signatureDigest: Self.digest(for: key))
        return try builder.sign(with: key)
    }

    static func digest(for keyType: PrivateKey.KeyType) -> DigestAlgorithm {
        switch keyType {
        case .ecP384: .sha384
        case .ecP521: .sha512
        default: .sha256
        }
    }

    static func digest(for key: PrivateKey) -> DigestAlgorithm {
        switch key.kind {
        case .ec("P-384"): .sha384
        case .ec("P-521"): .sha512
        default: .sha256
        }
    }

    /// Parses `dns:NAME`, `uri:URI`, `email:ADDR` and `ip:ADDR` as given to `ca issue --san`.
    public static func parseSubjectAlternativeName(_ text: String) throws(ServiceFailure) -> GeneralName {
        guard let colon = text.firstIndex(of: ":") else {
            throw ServiceFailure(.validation, "--san '\(text)' must be dns:NAME, uri:URI, email:ADDR or ip:ADDR")
        }
        let kind = text[..<colon].lowercased()
        let value = String(text[text.index(after: colon)...])
        guard !value.isEmpty else { throw ServiceFailure(.validation, "--san '\(text)' has an empty value") }
        switch kind {
        case "dns": return .dns(value)
        case "uri": return .uri(value)
        case "email": return .email(value)
        case "ip": return .ipAddress(value)
        default: throw ServiceFailure(.validation, "--san '\(text)': unknown kind '\(kind)'; use dns:, uri:, email: or ip:")
        }
    }
}
