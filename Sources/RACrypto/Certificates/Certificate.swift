import Foundation
internal import COpenSSL

/// An X.509 certificate with its fields already read into Swift values, so callers above RACrypto
/// (policies, session tags, the control plane) never touch OpenSSL. Equality and hashing use the DER.
public struct Certificate: Sendable, Hashable, CustomStringConvertible {
    /// The exact bytes parsed; the form `X-Amz-X509` carries (base64).
    public let der: [UInt8]
    /// 1, 2 or 3. Roles Anywhere accepts only v3 end-entity certificates.
    public let version: Int
    public let serialNumber: SerialNumber
    public let subject: DistinguishedName
    public let issuer: DistinguishedName
    public let notBefore: Date
    public let notAfter: Date
    /// In certificate order; empty when there is no SAN extension.
    public let subjectAlternativeNames: [GeneralName]
    /// Nil when the extension is absent.
    public let basicConstraints: BasicConstraints?
    /// Nil when the extension is absent.
    public let keyUsage: KeyUsage?
    /// Dotted OIDs (clientAuth is 1.3.6.1.5.5.7.3.2); nil when the extension is absent.
    public let extendedKeyUsage: [String]?
    public let signatureAlgorithm: SignatureAlgorithm
    /// Verifies request signatures made with the certificate's private key.
    public let publicKey: PublicKey
    /// SHA-256 of the DER; keys verification caches and identifies certificates in audit records.
    public let sha256Fingerprint: [UInt8]
    /// The subjectKeyIdentifier extension's bytes, nil when absent.
    public let subjectKeyIdentifier: [UInt8]?
    /// The keyIdentifier of the authorityKeyIdentifier extension, nil when absent.
    public let authorityKeyIdentifier: [UInt8]?

    let handle: X509Handle

    /// Parses one DER certificate. Trailing bytes after the certificate are rejected.
    public init(der: [UInt8]) throws {
        guard !der.isEmpty else { throw CryptoError.malformed("empty certificate") }
        var consumed = 0
        let parsed: OpaquePointer? = der.withUnsafeBufferPointer { buffer in
            var cursor = buffer.baseAddress
            let x509 = d2i_X509(nil, &cursor, buffer.count)
            if let cursor, let base = buffer.baseAddress { consumed = cursor - base }
            return x509
        }
        guard let parsed else { throw OpenSSLErrorQueue.malformed("not a DER X.509 certificate") }
        let handle = X509Handle(owning: parsed)
        guard consumed == der.count else {
            throw CryptoError.malformed("certificate DER has \(der.count - consumed) trailing bytes")
        }
        try self.init(handle: handle, der: der)
    }

    init(handle: X509Handle, der: [UInt8]) throws {
        let x509 = handle.pointer
        self.handle = handle
        self.der = der
        version = Int(X509_get_version(x509)) + 1
        serialNumber = ASN1Conversion.serial(X509_get0_serialNumber(x509))
        subject = X509NameConversion.read(X509_get_subject_name(x509))
        issuer = X509NameConversion.read(X509_get_issuer_name(x509))
        guard let notBefore = ASN1Conversion.date(X509_get0_notBefore(x509)),
              let notAfter = ASN1Conversion.date(X509_get0_notAfter(x509)) else {
            throw CryptoError.malformed("certificate validity dates cannot be read")
        }
        self.notBefore = notBefore
        self.notAfter = notAfter
        let extensions = try CertificateExtensions(x509)
        subjectAlternativeNames = extensions.subjectAlternativeNames
        basicConstraints = extensions.basicConstraints
        keyUsage = extensions.keyUsage
        extendedKeyUsage = extensions.extendedKeyUsage
        subjectKeyIdentifier = extensions.subjectKeyIdentifier
        authorityKeyIdentifier = extensions.authorityKeyIdentifier
        signatureAlgorithm = Self.readSignatureAlgorithm(x509)
        guard let key = X509_get_pubkey(x509) else {
            throw OpenSSLErrorQueue.unsupported("certificate public key cannot be loaded")
        }
        publicKey = PublicKey(owning: key)
        sha256Fingerprint = SHA256.hash(der)
    }

    /// Every `CERTIFICATE` block of a PEM text in order, or the single certificate of a DER input.
    /// Used for chains, trust-anchor bundles and `--intermediates` files.
    public static func parseMany(pemOrDER: [UInt8]) throws -> [Certificate] {
        guard PEM.looksLikePEM(pemOrDER) else { return [try Certificate(der: pemOrDER)] }
        let text = String(decoding: pemOrDER, as: UTF8.self)
        let blocks = PEM.blocks(in: text).filter { $0.label == "CERTIFICATE" || $0.label == "X509 CERTIFICATE" }
        guard !blocks.isEmpty else { throw CryptoError.malformed("no CERTIFICATE block in PEM input") }
        return try blocks.map { try Certificate(der: $0.der) }
    }

    /// PEM text with a `CERTIFICATE` label.
    public var pem: String { PEM.encode(der: der, label: "CERTIFICATE") }

    /// Subject and issuer names are the same (RFC 5280 "self-issued"); roots are, and so are
    /// re-keyed CA certificates.
    public var isSelfIssued: Bool { subject == issuer }

    /// True when `issuer`'s public key verifies this certificate's signature. Name chaining is not
    /// checked here; path building does that.
    public func isSignature(by issuer: Certificate) -> Bool {
        let result = X509_verify(handle.pointer, issuer.publicKey.pointer)
        OpenSSLErrorQueue.drain()
        return result == 1
    }

    /// True when the certificate is valid at `date` (notBefore <= date <= notAfter).
    public func isValid(at date: Date) -> Bool {
        notBefore <= date && date <= notAfter
    }

    public var description: String {
        "Certificate(subject: \(subject), serial: \(serialNumber.hexString))"
    }

    public static func == (lhs: Certificate, rhs: Certificate) -> Bool { lhs.der == rhs.der }
    public func hash(into hasher: inout Hasher) { hasher.combine(der) }

    private static func readSignatureAlgorithm(_ x509: OpaquePointer) -> SignatureAlgorithm {
        let nid = X509_get_signature_nid(x509)
        var name = ""
        if nid != NID_undef, let long = OBJ_nid2ln(nid) {
            name = String(cString: long)
        } else {
            var algorithm: UnsafePointer<X509_ALGOR>?
            X509_get0_signature(nil, &algorithm, x509)
            var object: OpaquePointer?
            if let algorithm {
                X509_ALGOR_get0(&object, nil, nil, algorithm)
            }
            if let object { name = ObjectIdentifiers.dottedString(object) }
        }
        var digestNID: Int32 = NID_undef
        var keyNID: Int32 = NID_undef
        if X509_get_signature_info(x509, &digestNID, &keyNID, nil, nil) != 1 {
            OpenSSLErrorQueue.drain()
            digestNID = NID_undef
        }
        return SignatureAlgorithm(name: name, digest: DigestAlgorithm(nid: digestNID))
    }
}

extension DigestAlgorithm {
    init(nid: Int32) {
        switch nid {
        case NID_md5: self = .md5
        case NID_sha1: self = .sha1
        case NID_sha224: self = .sha224
        case NID_sha256: self = .sha256
        case NID_sha384: self = .sha384
        case NID_sha512: self = .sha512
        default: self = .other
        }
    }
}
