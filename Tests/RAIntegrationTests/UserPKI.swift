/// A user's own PKI made by `scripts/make-user-pki.sh` with the openssl command line: a root,
/// an intermediate, four leaves of the intermediate and the intermediate's CRL revoking one.
struct UserPKI: Sendable {
    let directory: ScratchDirectory
    let edgeEC: ClientCertificate
    let edgeRSA: ClientCertificate
    let retail: ClientCertificate
    let revoked: ClientCertificate

    var root: String { directory.file("root.pem") }
    var intermediate: String { directory.file("intermediate.pem") }
    var crlPEM: String { directory.file("intermediate-crl.pem") }
    var crlDER: String { directory.file("intermediate-crl.der") }

    static func make(label: String) async throws -> UserPKI {
        let environment = try TestEnvironment.locate()
        let directory = try ScratchDirectory(label: label)
        let run = try await Run.run("/bin/bash", [environment.userPKIScript, directory.file("pki")],
                                    environment: Run.baseEnvironment(home: directory.path), timeout: .seconds(60))
        guard run.succeeded else {
            directory.remove()
            throw FixtureError("scripts/make-user-pki.sh failed: \(run)")
        }
        let pki = ScratchDirectory(existing: directory.file("pki"))
        func leaf(_ name: String) async throws -> ClientCertificate {
            try await ClientCertificate.load(certificate: pki.file(name + ".pem"), key: pki.file(name + ".key"), home: directory.path)
        }
        return UserPKI(directory: pki, edgeEC: try await leaf("edge-ec"), edgeRSA: try await leaf("edge-rsa"),
                       retail: try await leaf("retail"), revoked: try await leaf("revoked"), owner: directory)
    }

    /// The scratch directory the PKI lives in (its parent), removed by `remove()`.
    private let owner: ScratchDirectory

    private init(directory: ScratchDirectory, edgeEC: ClientCertificate, edgeRSA: ClientCertificate, retail: ClientCertificate,
                 revoked: ClientCertificate, owner: ScratchDirectory) {
        self.directory = directory
        self.edgeEC = edgeEC
        self.edgeRSA = edgeRSA
        self.retail = retail
        self.revoked = revoked
        self.owner = owner
    }

    func remove() { owner.remove() }
}
