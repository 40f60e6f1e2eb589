import Foundation
import RACommandLine
import RACore

/// `rolesanywhere crl import`: puts a CRL (PEM or DER) into a trust anchor, replacing the one of the
/// same name. A running server sees it at its next request.
enum CRLImportCommand {
    static func run(_ flags: FlagValues, file: String) throws {
        let directory = try DataDirectory(try Commands.required(flags, "data-dir"))
        let anchorArn = try Commands.required(flags, "trust-anchor-arn")
        let name = try Commands.required(flags, "name")
        let bytes = try Commands.readFile(file, what: "CRL")
        let store = try directory.openStore()
        let imported: RevocationList
        do {
            imported = try RevocationImport.importList(bytes, name: name, trustAnchorArn: anchorArn, enabled: !flags.bool("disabled"),
                                                       store: store, now: Date())
        } catch let failure as ServiceFailure {
            throw CLIError(message: "crl import: \(failure.message)")
        }
        print("imported CRL '\(imported.name)' (\(imported.crlArn)) into \(anchorArn)")
    }
}
