import Foundation
import RACrypto

/// Imports a CRL into a trust anchor: the one path used by `crl import`, `deploy` and the API.
public enum RevocationImport {
    /// Parses `bytes` (PEM or DER), checks the list against the anchor, and stores it, replacing a
    /// list of the same name in the same anchor (its id and ARN are kept).
    ///
    /// A list whose issuer is one of the anchor's certificates must carry a valid signature by it;
    /// a list issued by an intermediate below the anchor is accepted here and its signature is
    /// checked against that intermediate when a request's path contains it.
    @discardableResult
    public static func importList(_ bytes: [UInt8], name: String, trustAnchorArn: String, enabled: Bool, store: any Store,
                                  now: Date, id: String? = nil) throws -> RevocationList {
        let parsed = try parse(bytes)
        return try store.write { tx in
            try importList(parsed, name: name, trustAnchorArn: trustAnchorArn, enabled: enabled, tx: tx, now: now, id: id)
        }
    }

    /// The same, inside a caller's transaction.
    public static func importList(_ list: CertificateRevocationList, name: String, trustAnchorArn: String, enabled: Bool,
                                  tx: any StoreWriter, now: Date, id: String? = nil) throws -> RevocationList {
        guard let anchor = try tx.trustAnchors().first(where: { $0.trustAnchorArn == trustAnchorArn }) else {
            throw ServiceFailure(.resourceNotFound, "Trust anchor \(trustAnchorArn) was not found.")
        }
        try verify(list, against: anchor)
        let existing = try tx.revocationLists().first { $0.trustAnchorArn == trustAnchorArn && ($0.crlId == id || (id == nil && $0.name == name)) }
        let crlId = existing?.crlId ?? id ?? Identifiers.uuid()
        let prefix = trustAnchorArn.components(separatedBy: ":trust-anchor/").first ?? trustAnchorArn
        let record = RevocationList(crlId: crlId, crlArn: "\(prefix):crl/\(crlId)", name: name, enabled: enabled,
                                    trustAnchorArn: trustAnchorArn, crlData: list.der, tags: existing?.tags ?? [],
                                    createdAt: existing?.createdAt ?? now, updatedAt: now)
        try tx.put(record)
        return record
    }

    public static func parse(_ bytes: [UInt8]) throws(ServiceFailure) -> CertificateRevocationList {
        do { return try CertificateRevocationList.parse(pemOrDER: bytes) } catch {
            throw ServiceFailure(.validation, "the data is not a PEM or DER X.509 CRL: \(error)")
        }
    }

    static func verify(_ list: CertificateRevocationList, against anchor: TrustAnchor) throws(ServiceFailure) {
        let certificates = (try? Certificate.parseMany(pemOrDER: Array((anchor.source.x509CertificateData ?? "").utf8))) ?? []
        let issuers = certificates.filter { $0.subject == list.issuer }
        if !issuers.isEmpty && !issuers.contains(where: { list.isSigned(by: $0) }) {
            throw ServiceFailure(.validation, "the CRL names \(list.issuer) as issuer but its signature does not verify with that trust anchor certificate")
        }
    }
}
