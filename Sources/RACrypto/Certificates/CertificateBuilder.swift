import Foundation
internal import COpenSSL

/// Issues certificates: the server's built-in CA uses it for real, and tests use it to produce every
/// shape of certificate the verifier must accept or reject (expired, v1, SHA-1 signed, no keyUsage...).
public struct CertificateBuilder: Sendable {
    public var subject: DistinguishedName
    /// Nil means: the issuer certificate's subject, or `subject` when self-signed. Set it only to
    /// produce deliberately mismatched certificates.
    public var issuer: DistinguishedName?
    public var serial: SerialNumber
    public var notBefore: Date
    public var notAfter: Date
    /// The key being certified (the subject's), not the signing key.
    public var publicKey: PublicKey
    /// Nil omits basicConstraints; otherwise it is added, critical.
    public var isCA: Bool?
    /// pathLenConstraint; only meaningful with `isCA == true`.
    public var pathLength: Int?
    /// Nil omits keyUsage; otherwise it is added, critical.
    public var keyUsage: KeyUsage?
    /// Dotted OIDs or OpenSSL names (`clientAuth`); empty omits the extension.
    public var extendedKeyUsage: [String]
    /// Empty omits the extension; marked critical when the subject is empty (RFC 5280 4.2.1.6).
    public var subjectAlternativeNames: [GeneralName]
    /// `.sha256` by default; `.sha1`, `.sha384`, `.sha512` exist to test signature-algorithm policies.
    public var signatureDigest: DigestAlgorithm
    public var includeSubjectKeyIdentifier: Bool
    public var includeAuthorityKeyIdentifier: Bool
    /// 3 by default; 1 produces a certificate without extensions (all extension fields ignored).
    public var version: Int

    public init(subject: DistinguishedName,
                issuer: DistinguishedName? = nil,
                serial: SerialNumber = .random(),
                notBefore: Date = Date(timeIntervalSinceNow: -60),
                notAfter: Date = Date(timeIntervalSinceNow: 365 * 86_400),
                publicKey: PublicKey,
                isCA: Bool? = nil,
                pathLength: Int? = nil,
                keyUsage: KeyUsage? = nil,
                extendedKeyUsage: [String] = [],
                subjectAlternativeNames: [GeneralName] = [],
                signatureDigest: DigestAlgorithm = .sha256,
                includeSubjectKeyIdentifier: Bool = true,
                includeAuthorityKeyIdentifier: Bool = true,
                version: Int = 3) {
        self.subject = subject
        self.issuer = issuer
        self.serial = serial
        self.notBefore = notBefore
        self.notAfter = notAfter
        self.publicKey = publicKey
        self.isCA = isCA
        self.pathLength = pathLength
        self.keyUsage = keyUsage
        self.extendedKeyUsage = extendedKeyUsage
        self.subjectAlternativeNames = subjectAlternativeNames
        self.signatureDigest = signatureDigest
        self.includeSubjectKeyIdentifier = includeSubjectKeyIdentifier
        self.includeAuthorityKeyIdentifier = includeAuthorityKeyIdentifier
        self.version = version
    }

    /// Signs with `issuerKey`. `issuerCertificate` nil means self-signed: `issuerKey` should then
    /// be the private half of `publicKey`.
    public func sign(with issuerKey: PrivateKey, issuerCertificate: Certificate?) throws -> Certificate {
        guard version == 1 || version == 3 else {
            throw CryptoError.unsupported("certificate version \(version); use 1 or 3")
        }
        if let issuerCertificate, !issuerKey.matches(issuerCertificate) {
            throw CryptoError.malformed("the signing key does not belong to the issuer certificate \(issuerCertificate.subject)")
        }
        guard let x509 = X509_new() else { throw OpenSSLErrorQueue.failure("cannot allocate a certificate") }
        let handle = X509Handle(owning: x509)
        try setBasics(x509, issuerCertificate: issuerCertificate)
        if version == 3 {
            let extensions = CertificateExtensionWriter(x509: x509)
            try extensions.addBasicConstraints(isCA: isCA, pathLength: pathLength)
            try extensions.addKeyUsage(keyUsage)
            try extensions.addExtendedKeyUsage(extendedKeyUsage)
            try extensions.addSubjectAlternativeNames(subjectAlternativeNames, critical: subject.isEmpty)
            if includeSubjectKeyIdentifier { try extensions.addSubjectKeyIdentifier() }
            if includeAuthorityKeyIdentifier {
                try extensions.addAuthorityKeyIdentifier(issuer: issuerCertificate?.handle.pointer)
            }
        }
        let digest = try Self.messageDigest(signatureDigest, for: issuerKey)
        guard X509_sign(x509, issuerKey.pointer, digest) > 0 else {
            throw OpenSSLErrorQueue.failure("signing the certificate failed")
        }
        return try Certificate(der: X509DER.encode(handle.pointer))
    }

    private func setBasics(_ x509: OpaquePointer, issuerCertificate: Certificate?) throws {
        guard X509_set_version(x509, version == 1 ? 0 : 2) == 1 else {
            throw OpenSSLErrorQueue.failure("cannot set the certificate version")
        }
        let serialInteger = try ASN1Conversion.makeInteger(serial)
        defer { ASN1_INTEGER_free(serialInteger) }
        guard X509_set_serialNumber(x509, serialInteger) == 1 else {
            throw OpenSSLErrorQueue.failure("cannot set the serial number")
        }
        let subjectName = try X509NameConversion.make(subject)
        defer { X509_NAME_free(subjectName) }
        guard X509_set_subject_name(x509, subjectName) == 1 else {
            throw OpenSSLErrorQueue.failure("cannot set the subject")
        }
        if let issuer {
            let issuerName = try X509NameConversion.make(issuer)
            defer { X509_NAME_free(issuerName) }
            guard X509_set_issuer_name(x509, issuerName) == 1 else { throw OpenSSLErrorQueue.failure("cannot set the issuer") }
        } else if let issuerCertificate {
            // Copy the issuer's encoded name exactly so name chaining cannot differ by string type.
            guard X509_set_issuer_name(x509, X509_get_subject_name(issuerCertificate.handle.pointer)) == 1 else {
                throw OpenSSLErrorQueue.failure("cannot set the issuer")
            }
        } else {
            guard X509_set_issuer_name(x509, subjectName) == 1 else { throw OpenSSLErrorQueue.failure("cannot set the issuer") }
        }
        let start = try ASN1Conversion.makeTime(notBefore)
        defer { ASN1_TIME_free(start) }
        let end = try ASN1Conversion.makeTime(notAfter)
        defer { ASN1_TIME_free(end) }
        guard X509_set1_notBefore(x509, start) == 1, X509_set1_notAfter(x509, end) == 1 else {
            throw OpenSSLErrorQueue.failure("cannot set the validity period")
        }
        guard X509_set_pubkey(x509, publicKey.pointer) == 1 else {
            throw OpenSSLErrorQueue.failure("cannot set the public key")
        }
    }

    /// The EVP_MD for `digest`; nil for keys that hash internally (Ed25519).
    static func messageDigest(_ digest: DigestAlgorithm, for key: PrivateKey) throws -> OpaquePointer? {
        if case .other = key.kind { return nil }
        switch digest {
        case .sha1: return EVP_sha1()
        case .sha224: return EVP_sha224()
        case .sha256: return EVP_sha256()
        case .sha384: return EVP_sha384()
        case .sha512: return EVP_sha512()
        case .md5, .other: throw CryptoError.unsupported("signing with digest \(digest.rawValue)")
        }
    }
}
