import Foundation
import RACommandLine
import RACore
import RACrypto

/// `rolesanywhere crl import`: puts a CRL (PEM or DER) into a trust anchor, replacing the one of the
/// same name. A running server sees it at its next request.
enum CRLImportCommand {
    static func run(_ flags: FlagValues, file: String) throws {
        let directory = try DataDirectory(try Commands.required(flags, "data-dir"), creating: false)
        let anchorArn = try Commands.required(flags, "trust-anchor-arn")
        let name = try Commands.required(flags, "name")
        let bytes = try Commands.readFile(file, what: "CRL")
        let store = try directory.openStore()
        let imported: RevocationList
        let list: CertificateRevocationList
        do {
            list = try RevocationImport.parse(bytes)
            imported = try RevocationImport.importList(bytes, name: name, trustAnchorArn: anchorArn, enabled: !flags.bool("disabled"),
                                                       store: store, now: Date())
        } catch let failure as ServiceFailure {
            throw CLIError(message: "crl import: \(failure.message)")
        }
        if let note = try issuerNote(list, anchorArn: anchorArn, store: store) {
            FileHandle.standardError.write(Data((note + "\n").utf8))
        }
        print("imported CRL '\(imported.name)' (\(imported.crlArn)) into \(anchorArn)")
    }

    /// A CRL issued by an intermediate is kept (it revokes that intermediate's leaves), but one
    /// imported against the wrong anchor by mistake would otherwise go unnoticed: say what it covers.
    static func issuerNote(_ list: CertificateRevocationList, anchorArn: String, store: any Store) throws -> String? {
        let anchor = try store.read { tx in try tx.trustAnchors().first { $0.trustAnchorArn == anchorArn } }
        let pem = anchor?.source.x509CertificateData ?? ""
        let certificates = (try? Certificate.parseMany(pemOrDER: Array(pem.utf8))) ?? []
        guard !certificates.contains(where: { $0.subject == list.issuer }) else { return nil }
        return "note: the CRL's issuer \(list.issuer) is not one of the trust anchor's certificates; "
            + "it applies only to certificates issued by \(list.issuer) (e.g. an intermediate CA)"
    }
}
