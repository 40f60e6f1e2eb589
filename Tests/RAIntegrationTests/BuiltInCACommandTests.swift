import Foundation
import Testing

/// The built-in CA's commands as a new user meets them: no silent overwrite, server certificates
/// that clients accept, revocation only of serials it issued, and CRL imports that say what they cover.
@Suite struct BuiltInCACommandTests {
    static func workspace(_ label: String) async throws -> CLIWorkspace {
        let workspace = try CLIWorkspace(label: label)
        try await workspace.succeed(["ca", "init", "--dir", workspace.file("ca"), "--subject", "CN=CLI Test CA,O=Example Corp"])
        return workspace
    }

    /// The certificate's SAN extension as openssl prints it.
    static func subjectAlternativeNames(_ path: String, workspace: CLIWorkspace) async throws -> String {
        let result = try await Run.run("/usr/bin/openssl", ["x509", "-in", path, "-noout", "-ext", "subjectAltName"],
                                       environment: Run.baseEnvironment(home: workspace.home))
        guard result.succeeded else { throw FixtureError("openssl failed: \(result)") }
        return result.standardOutput
    }

    @Test func issueRefusesToOverwriteUnlessForced() async throws {
        let workspace = try await Self.workspace("ca-overwrite")
        defer { workspace.remove() }
        let issue = ["ca", "issue", "--dir", workspace.file("ca"), "--subject", "CN=edge-01", "--out", workspace.file("edge")]
        try await workspace.succeed(issue)
        let first = try String(contentsOfFile: workspace.file("edge.pem"), encoding: .utf8)

        let refused = try await workspace.run(issue)
        #expect(refused.exitCode == 1)
        #expect(refused.standardError == "\(workspace.file("edge.key")) and \(workspace.file("edge.pem")) already exist; "
            + "refusing to overwrite (give --force to replace)\n", "\(refused)")
        #expect(try String(contentsOfFile: workspace.file("edge.pem"), encoding: .utf8) == first)

        try FileManager.default.removeItem(atPath: workspace.file("edge.key"))
        let onePresent = try await workspace.run(issue)
        #expect(onePresent.standardError == "\(workspace.file("edge.pem")) already exists; refusing to overwrite (give --force to replace)\n")

        try await workspace.succeed(issue + ["--force"])
        #expect(try String(contentsOfFile: workspace.file("edge.pem"), encoding: .utf8) != first)
    }

    @Test func aServerCertificateWithoutSANNamesItsCN() async throws {
        let workspace = try await Self.workspace("ca-server-san")
        defer { workspace.remove() }
        let issued = try await workspace.succeed(["ca", "issue", "--dir", workspace.file("ca"), "--server",
                                                  "--subject", "CN=ra.example.internal,O=Example Corp", "--out", workspace.file("tls")])
        #expect(issued.standardOutput.contains(
            "  subject alternative name: DNS:ra.example.internal (from the CN, as no --san was given; clients check it against the host they connect to)\n"),
            "\(issued)")
        #expect(try await Self.subjectAlternativeNames(workspace.file("tls.pem"), workspace: workspace)
            == "X509v3 Subject Alternative Name: \n    DNS:ra.example.internal\n")

        try await workspace.succeed(["ca", "issue", "--dir", workspace.file("ca"), "--server", "--subject", "CN=127.0.0.1",
                                     "--out", workspace.file("ip")])
        #expect(try await Self.subjectAlternativeNames(workspace.file("ip.pem"), workspace: workspace)
            == "X509v3 Subject Alternative Name: \n    IP Address:127.0.0.1\n")

        // An explicit --san wins, and nothing is said about a default.
        let explicit = try await workspace.succeed(["ca", "issue", "--dir", workspace.file("ca"), "--server", "--subject", "CN=ignored",
                                                    "--san", "dns:ra.example.com", "--out", workspace.file("explicit")])
        #expect(!explicit.standardOutput.contains("subject alternative name"))
        #expect(try await Self.subjectAlternativeNames(workspace.file("explicit.pem"), workspace: workspace)
            == "X509v3 Subject Alternative Name: \n    DNS:ra.example.com\n")
    }

    @Test func theSANErrorListsEveryKind() async throws {
        let workspace = try await Self.workspace("ca-san-kinds")
        defer { workspace.remove() }
        let refused = try await workspace.run(["ca", "issue", "--dir", workspace.file("ca"), "--subject", "CN=x", "--san", "foo:bar",
                                               "--out", workspace.file("x")])
        #expect(refused.exitCode == 1)
        #expect(refused.standardError == "--san 'foo:bar': unknown kind 'foo'; use dns:, uri:, email: or ip:\n")
    }

    @Test func revokeOfASerialNeverIssuedNeedsForce() async throws {
        let workspace = try await Self.workspace("ca-revoke")
        defer { workspace.remove() }
        let ca = workspace.file("ca")
        let issued = try await workspace.succeed(["ca", "issue", "--dir", ca, "--subject", "CN=edge-01,OU=Edge", "--out", workspace.file("edge")])
        let serial = try #require(issued.standardOutput.split(separator: " ").dropFirst(3).first.map(String.init), "\(issued)")
        let issuedLines = try String(contentsOfFile: ca + "/issued.txt", encoding: .utf8).split(separator: "\n")
        #expect(issuedLines.count == 1)
        let fields = issuedLines.first?.split(separator: "\t").map(String.init) ?? []
        #expect(fields.count == 3 && fields.first == serial && fields.last == "CN=edge-01,OU=Edge", "\(issuedLines)")
        #expect(fields.count == 3 && ISO8601DateFormatter().date(from: fields[1]) != nil, "\(fields)")

        let unknown = try await workspace.run(["ca", "revoke", "--dir", ca, "--serial", "0123"])
        #expect(unknown.exitCode == 1)
        #expect(unknown.standardError == "serial 0123 is not in \(ca)/issued.txt: this CA did not issue it (check the serial). "
            + "Certificates issued before issued.txt was kept have no record there: give --force to revoke those\n", "\(unknown)")
        #expect(!FileManager.default.fileExists(atPath: ca + "/revoked.txt"))

        let forced = try await workspace.run(["ca", "revoke", "--dir", ca, "--serial", "0123", "--force"])
        #expect(forced.succeeded, "\(forced)")
        let known = try await workspace.run(["ca", "revoke", "--dir", ca, "--serial", serial])
        #expect(known.succeeded, "\(known)")
        let revoked = try String(contentsOfFile: ca + "/revoked.txt", encoding: .utf8).split(separator: "\n").map { $0.split(separator: " ")[0] }
        #expect(revoked == ["0123", Substring(serial)])
    }

    @Test func aCRLFromAnotherIssuerIsImportedWithANote() async throws {
        let workspace = try await Self.workspace("crl-note")
        defer { workspace.remove() }
        try await workspace.succeed(["ca", "init", "--dir", workspace.file("other-ca"), "--subject", "CN=Other CA,O=Example Corp"])
        let deployed = try await workspace.succeed(["deploy", "--data-dir", workspace.file("data"), workspace.environment.exampleTemplate,
                                                    "--stack-name", "edge", "--parameter", "CACertificateBody=@" + workspace.file("ca/ca.pem")])
        struct Stack: Decodable { let outputs: StackArns }
        let anchor = try JSONDecoder().decode(Stack.self, from: Data(deployed.standardOutput.utf8)).outputs.trustAnchorArn
        for dir in ["ca", "other-ca"] {
            try await workspace.succeed(["ca", "crl", "--dir", workspace.file(dir), "--out", workspace.file(dir + ".crl")])
        }
        func importCRL(_ name: String) async throws -> RunResult {
            try await workspace.run(["crl", "import", "--data-dir", workspace.file("data"), "--trust-anchor-arn", anchor,
                                     "--name", name, workspace.file(name + ".crl")])
        }
        let own = try await importCRL("ca")
        #expect(own.succeeded && own.standardError == "", "\(own)")

        let other = try await importCRL("other-ca")
        #expect(other.succeeded, "\(other)")
        #expect(other.standardOutput.hasPrefix("imported CRL 'other-ca' ("), "\(other)")
        #expect(other.standardError == "note: the CRL's issuer CN=Other CA,O=Example Corp is not one of the trust anchor's "
            + "certificates; it applies only to certificates issued by CN=Other CA,O=Example Corp (e.g. an intermediate CA)\n")
    }
}
