import Foundation
import Synchronization
import RACrypto

/// A trust anchor with its certificates and enabled CRLs parsed once, ready for the request path.
public final class TrustAnchorState: Sendable {
    /// One enabled CRL of the anchor, parsed.
    public struct ParsedList: Sendable {
        public let record: RevocationList
        public let list: CertificateRevocationList
    }

    public let anchor: TrustAnchor
    public let certificates: [Certificate]
    /// The certificates loaded into OpenSSL once, shared by every request's path building; nil
    /// when the anchor holds no usable certificate (every path then fails).
    public let anchorSet: TrustAnchorSet?
    public let lists: [ParsedList]
    /// CRL signature checks already done, by "crl id|issuer fingerprint": a list is verified once
    /// per issuing certificate, not once per request.
    private let verifiedSignatures = Mutex<[String: Bool]>([:])

    public init(anchor: TrustAnchor, lists: [RevocationList]) {
        self.anchor = anchor
        let pem = Array((anchor.source.x509CertificateData ?? "").utf8)
        self.certificates = (try? Certificate.parseMany(pemOrDER: pem)) ?? []
        self.anchorSet = certificates.isEmpty ? nil : try? TrustAnchorSet(certificates)
        self.lists = lists.filter(\.enabled).compactMap { record in
            (try? CertificateRevocationList(der: record.crlData)).map { ParsedList(record: record, list: $0) }
        }
    }

    /// The name of an enabled CRL, signed by the certificate's issuer, that lists the certificate.
    ///
    /// `issuer` is the next certificate up the path; for the last certificate of the path (the
    /// anchor's own) the anchor's certificates are tried as issuers.
    public func revocation(of certificate: Certificate, issuer: Certificate?) -> String? {
        for parsed in lists where parsed.list.issuer == certificate.issuer
            && parsed.list.revokedSerials.contains(certificate.serialNumber) {
            let issuers = issuer.map { [$0] } ?? certificates.filter { $0.subject == certificate.issuer }
            if issuers.contains(where: { isSigned(parsed, by: $0) }) { return parsed.record.name }
        }
        return nil
    }

    private func isSigned(_ parsed: ParsedList, by issuer: Certificate) -> Bool {
        let key = parsed.record.crlId + "|" + Hex.encode(issuer.sha256Fingerprint)
        if let known = verifiedSignatures.withLock({ $0[key] }) { return known }
        let valid = parsed.list.isSigned(by: issuer)
        verifiedSignatures.withLock { $0[key] = valid }
        return valid
    }
}
