import Foundation
internal import COpenSSL

/// Issues v2 CRLs: used by the built-in CA and by tests of revocation handling.
public struct CRLBuilder: Sendable {
    /// The CA certificate whose subject becomes the CRL issuer.
    public var issuer: Certificate
    /// Serials to list, each with its revocation date.
    public var revoked: [(serial: SerialNumber, date: Date)]
    public var thisUpdate: Date
    public var nextUpdate: Date?
    /// Nil omits the cRLNumber extension.
    public var crlNumber: SerialNumber?
    public var signatureDigest: DigestAlgorithm

    public init(issuer: Certificate,
                revoked: [(serial: SerialNumber, date: Date)] = [],
                thisUpdate: Date = Date(),
                nextUpdate: Date? = Date(timeIntervalSinceNow: 7 * 86_400),
                crlNumber: SerialNumber? = SerialNumber(bytes: [1]),
                signatureDigest: DigestAlgorithm = .sha256) {
        self.issuer = issuer
        self.revoked = revoked
        self.thisUpdate = thisUpdate
        self.nextUpdate = nextUpdate
        self.crlNumber = crlNumber
        self.signatureDigest = signatureDigest
    }

    /// Signs with the issuer's private key.
    public func sign(with key: PrivateKey) throws -> CertificateRevocationList {
        guard let crl = X509_CRL_new() else { throw OpenSSLErrorQueue.failure("cannot allocate a CRL") }
        let handle = CRLHandle(owning: crl)
        guard X509_CRL_set_version(crl, 1) == 1,
              X509_CRL_set_issuer_name(crl, X509_get_subject_name(issuer.handle.pointer)) == 1 else {
            throw OpenSSLErrorQueue.failure("cannot set the CRL version and issuer")
        }
        let start = try ASN1Conversion.makeTime(thisUpdate)
        defer { ASN1_TIME_free(start) }
        guard X509_CRL_set1_lastUpdate(crl, start) == 1 else { throw OpenSSLErrorQueue.failure("cannot set thisUpdate") }
        if let nextUpdate {
            let end = try ASN1Conversion.makeTime(nextUpdate)
            defer { ASN1_TIME_free(end) }
            guard X509_CRL_set1_nextUpdate(crl, end) == 1 else { throw OpenSSLErrorQueue.failure("cannot set nextUpdate") }
        }
        for entry in revoked {
            try addRevoked(crl, entry.serial, entry.date)
        }
        if let crlNumber {
            let number = try ASN1Conversion.makeInteger(crlNumber)
            defer { ASN1_INTEGER_free(number) }
            guard X509_CRL_add1_ext_i2d(crl, NID_crl_number, UnsafeMutableRawPointer(number), 0, 0) == 1 else {
                throw OpenSSLErrorQueue.failure("cannot add cRLNumber")
            }
        }
        guard X509_CRL_sort(crl) == 1 else { throw OpenSSLErrorQueue.failure("cannot sort the CRL") }
        let digest = try CertificateBuilder.messageDigest(signatureDigest, for: key)
        guard X509_CRL_sign(crl, key.pointer, digest) > 0 else { throw OpenSSLErrorQueue.failure("signing the CRL failed") }
        var out: UnsafeMutablePointer<UInt8>?
        let length = i2d_X509_CRL(handle.pointer, &out)
        guard length > 0, let out else { throw OpenSSLErrorQueue.failure("encoding the CRL failed") }
        defer { ra_openssl_free(out) }
        return try CertificateRevocationList(der: Array(UnsafeBufferPointer(start: out, count: Int(length))))
    }

    private func addRevoked(_ crl: OpaquePointer, _ serial: SerialNumber, _ date: Date) throws {
        guard let entry = X509_REVOKED_new() else { throw OpenSSLErrorQueue.failure("cannot allocate a CRL entry") }
        let integer = try ASN1Conversion.makeInteger(serial)
        defer { ASN1_INTEGER_free(integer) }
        let time = try ASN1Conversion.makeTime(date)
        defer { ASN1_TIME_free(time) }
        guard X509_REVOKED_set_serialNumber(entry, integer) == 1,
              X509_REVOKED_set_revocationDate(entry, time) == 1,
              X509_CRL_add0_revoked(crl, entry) == 1 else {
            X509_REVOKED_free(entry)
            throw OpenSSLErrorQueue.failure("cannot add a CRL entry")
        }
    }
}
