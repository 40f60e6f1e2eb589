import Foundation
internal import COpenSSL

/// An imported CRL. Roles Anywhere checks revocation only against CRLs the operator imported (no
/// CDP fetching, no OCSP), so this type is what the verifier consults, by serial number.
public struct CertificateRevocationList: Sendable {
    public let der: [UInt8]
    public let issuer: DistinguishedName
    public let thisUpdate: Date
    /// Nil when the CRL omits it; callers decide whether a stale CRL still counts.
    public let nextUpdate: Date?
    /// Serials listed as revoked; matched against `Certificate.serialNumber` of the same issuer.
    public let revokedSerials: Set<SerialNumber>
    /// When each listed serial was revoked.
    public let revocationDates: [SerialNumber: Date]
    /// The cRLNumber extension, when present.
    public let crlNumber: SerialNumber?
    public let signatureAlgorithm: SignatureAlgorithm

    let handle: CRLHandle

    /// Parses one DER CRL. Trailing bytes are rejected.
    public init(der: [UInt8]) throws {
        guard !der.isEmpty else { throw CryptoError.malformed("empty CRL") }
        var consumed = 0
        let parsed: OpaquePointer? = der.withUnsafeBufferPointer { buffer in
            var cursor = buffer.baseAddress
            let crl = d2i_X509_CRL(nil, &cursor, buffer.count)
            if let cursor, let base = buffer.baseAddress { consumed = cursor - base }
            return crl
        }
        guard let parsed else { throw OpenSSLErrorQueue.malformed("not a DER X.509 CRL") }
        let handle = CRLHandle(owning: parsed)
        guard consumed == der.count else {
            throw CryptoError.malformed("CRL DER has \(der.count - consumed) trailing bytes")
        }
        self.handle = handle
        self.der = der
        issuer = X509NameConversion.read(X509_CRL_get_issuer(parsed))
        guard let thisUpdate = ASN1Conversion.date(X509_CRL_get0_lastUpdate(parsed)) else {
            throw CryptoError.malformed("CRL thisUpdate cannot be read")
        }
        self.thisUpdate = thisUpdate
        nextUpdate = ASN1Conversion.date(X509_CRL_get0_nextUpdate(parsed))
        var serials = Set<SerialNumber>()
        var dates: [SerialNumber: Date] = [:]
        if let revoked = X509_CRL_get_REVOKED(parsed) {
            for index in 0..<max(ra_sk_X509_REVOKED_num(revoked), 0) {
                guard let entry = ra_sk_X509_REVOKED_value(revoked, index) else { continue }
                let serial = ASN1Conversion.serial(X509_REVOKED_get0_serialNumber(entry))
                serials.insert(serial)
                if let date = ASN1Conversion.date(X509_REVOKED_get0_revocationDate(entry)) { dates[serial] = date }
            }
        }
        revokedSerials = serials
        revocationDates = dates
        var critical: Int32 = 0
        if let number = X509_CRL_get_ext_d2i(parsed, NID_crl_number, &critical, nil) {
            let integer = number.assumingMemoryBound(to: ASN1_INTEGER.self)
            crlNumber = ASN1Conversion.serial(integer)
            ASN1_INTEGER_free(integer)
        } else {
            crlNumber = nil
        }
        let nid = X509_CRL_get_signature_nid(parsed)
        var digestNID: Int32 = NID_undef
        if OBJ_find_sigid_algs(nid, &digestNID, nil) != 1 { digestNID = NID_undef }
        let name = OBJ_nid2ln(nid).map { String(cString: $0) } ?? "unknown"
        signatureAlgorithm = SignatureAlgorithm(name: name, digest: DigestAlgorithm(nid: digestNID))
        OpenSSLErrorQueue.drain()
    }

    /// The first `X509 CRL` block of a PEM text, or a DER CRL.
    public static func parse(pemOrDER: [UInt8]) throws -> CertificateRevocationList {
        guard PEM.looksLikePEM(pemOrDER) else { return try CertificateRevocationList(der: pemOrDER) }
        let text = String(decoding: pemOrDER, as: UTF8.self)
        guard let block = PEM.blocks(in: text).first(where: { $0.label == "X509 CRL" }) else {
            throw CryptoError.malformed("no X509 CRL block in PEM input")
        }
        return try CertificateRevocationList(der: block.der)
    }

    /// PEM text with an `X509 CRL` label.
    public var pem: String { PEM.encode(der: der, label: "X509 CRL") }

    /// True when `issuer`'s key verifies the CRL's signature and the CRL names `issuer`'s subject as
    /// its issuer, so a CRL signed by one CA cannot revoke another CA's certificates.
    public func isSigned(by issuer: Certificate) -> Bool {
        guard self.issuer == issuer.subject else { return false }
        let result = X509_CRL_verify(handle.pointer, issuer.publicKey.pointer)
        OpenSSLErrorQueue.drain()
        return result == 1
    }

    /// True when `certificate`'s serial is listed. Callers should first check the CRL's issuer
    /// matches the certificate's issuer.
    public func isRevoked(_ certificate: Certificate) -> Bool {
        revokedSerials.contains(certificate.serialNumber)
    }
}
