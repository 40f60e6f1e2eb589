import Foundation
import Testing
import RACrypto

@Suite struct DistinguishedNameTests {
    @Test func parsesInWrittenOrder() throws {
        let dn = try DistinguishedName(parsing: "CN=edge-01,OU=DataCenter-Northeast,O=Example Corp")
        #expect(dn.attributes == [
            .init(shortName: "CN", oid: "2.5.4.3", value: "edge-01"),
            .init(shortName: "OU", oid: "2.5.4.11", value: "DataCenter-Northeast"),
            .init(shortName: "O", oid: "2.5.4.10", value: "Example Corp"),
        ])
        #expect(dn.rfc4514 == "CN=edge-01,OU=DataCenter-Northeast,O=Example Corp")
        #expect(dn.description == dn.rfc4514)
        #expect(!dn.isEmpty)
    }

    @Test(arguments: [
        // (input, expected values in order, canonical rfc4514 output)
        ("CN=Smith\\, John,O=Acme", ["Smith, John", "Acme"], "CN=Smith\\, John,O=Acme"),
        ("CN=a\\2Cb", ["a,b"], "CN=a\\,b"),
        ("CN=\\#hash", ["#hash"], "CN=\\#hash"),
        ("CN=\\ padded\\ ", [" padded "], "CN=\\ padded\\ "),
        ("CN=  trimmed  ,O=x", ["trimmed", "x"], "CN=trimmed,O=x"),
        ("CN=\"quoted, value\"", ["quoted, value"], "CN=quoted\\, value"),
        ("CN=a+CN=b\\+c\\;d\\<e\\>f\\\"g\\\\h", ["a", "b+c;d<e>f\"g\\h"], "CN=a,CN=b\\+c\\;d\\<e\\>f\\\"g\\\\h"),
        ("CN=Zoë Ünïcødé", ["Zoë Ünïcødé"], "CN=Zoë Ünïcødé"),
        ("CN=a=b", ["a=b"], "CN=a=b"),
    ] as [(String, [String], String)])
    func escapes(input: String, values: [String], output: String) throws {
        let dn = try DistinguishedName(parsing: input)
        #expect(dn.attributes.map(\.value) == values)
        #expect(dn.rfc4514 == output)
        #expect(try DistinguishedName(parsing: dn.rfc4514) == dn)
    }

    @Test func multipleOUsKeepOrder() throws {
        let dn = try DistinguishedName(parsing: "CN=x,OU=Zeta,OU=Alpha,OU=Mid,O=Org")
        #expect(dn.values(for: "OU") == ["Zeta", "Alpha", "Mid"])
        #expect(dn.values(for: "2.5.4.11") == ["Zeta", "Alpha", "Mid"])
        #expect(dn.values(for: "C") == [])
    }

    @Test func typeSpellings() throws {
        let dn = try DistinguishedName(parsing: "commonName=a,2.5.4.10=b,emailAddress=c@d,E=e@f,dc=example,UID=u1,1.2.3.4.5=z")
        #expect(dn.attributes.map(\.shortName) == ["CN", "O", "emailAddress", "emailAddress", "DC", "UID", "1.2.3.4.5"])
        #expect(dn.attributes.map(\.oid) == ["2.5.4.3", "2.5.4.10", "1.2.840.113549.1.9.1", "1.2.840.113549.1.9.1",
                                             "0.9.2342.19200300.100.1.25", "0.9.2342.19200300.100.1.1", "1.2.3.4.5"])
    }

    @Test func opensslSlashForm() throws {
        let dn = try DistinguishedName(parsing: "/C=US/O=Example Corp/OU=A+OU=B/CN=edge-01")
        #expect(dn.rfc4514 == "C=US,O=Example Corp,OU=A,OU=B,CN=edge-01")
    }

    @Test func emptyName() throws {
        let dn = try DistinguishedName(parsing: "  ")
        #expect(dn.isEmpty)
        #expect(dn.rfc4514 == "")
    }

    @Test(arguments: ["CN", "=x", "NotAType=x", "CN=x\\", "CN=\"open", "CN=#04024869"])
    func rejectsBadInput(input: String) {
        #expect(throws: CryptoError.self) { try DistinguishedName(parsing: input) }
    }

    @Test func unknownTypeMessage() {
        #expect(throws: CryptoError.malformed("unknown attribute type 'NotAType'")) {
            try DistinguishedName(parsing: "NotAType=x")
        }
    }

    /// A name survives being written into a certificate and read back, in order, with its escapes.
    @Test func roundTripThroughCertificate() throws {
        let subject = try DistinguishedName(parsing:
            "C=US,ST=New York,L=Albany,O=Example\\, Inc.,OU=B,OU=A,DC=example,UID=u-1,emailAddress=ops@example.com,serialNumber=42,title=Dr,CN=Zoë")
        let key = try PrivateKey.generate(.ecP256)
        let certificate = try CertificateBuilder(subject: subject, publicKey: key.publicKey)
            .sign(with: key, issuerCertificate: nil)
        #expect(certificate.subject == subject)
        #expect(certificate.issuer == subject)
        #expect(certificate.subject.rfc4514
            == "C=US,ST=New York,L=Albany,O=Example\\, Inc.,OU=B,OU=A,DC=example,UID=u-1,emailAddress=ops@example.com,serialNumber=42,title=Dr,CN=Zoë")
    }

    /// OpenSSL's CLI writes the same name; we read it in certificate order.
    @Test func readsNameWrittenByOpenSSL() throws {
        let cli = try OpenSSLCLI()
        try cli.run(["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                     "-keyout", "k.pem", "-out", "c.pem", "-days", "1",
                     "-subj", "/C=US/O=Example\\, Inc./OU=Zeta/OU=Alpha/CN=edge-01"])
        let certificate = try #require(try Certificate.parseMany(pemOrDER: cli.read("c.pem")).first)
        #expect(certificate.subject.rfc4514 == "C=US,O=Example\\, Inc.,OU=Zeta,OU=Alpha,CN=edge-01")
        #expect(certificate.subject.values(for: "OU") == ["Zeta", "Alpha"])
        let opensslView = try cli.run(["x509", "-in", "c.pem", "-noout", "-subject", "-nameopt", "RFC2253"])
        // OpenSSL's RFC 2253 output is reversed (last RDN first); ours keeps certificate order.
        #expect(opensslView.trimmingCharacters(in: .whitespacesAndNewlines)
            == "subject=CN=edge-01,OU=Alpha,OU=Zeta,O=Example\\, Inc.,C=US")
    }
}
