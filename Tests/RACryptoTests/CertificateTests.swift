import Foundation
import Testing
import RACrypto

@Suite struct CertificateTests {
    @Test func builderFieldsReadBack() throws {
        let caKey = try PrivateKey.generate(.ecP256)
        let ca = try CertificateBuilder(
            subject: try DistinguishedName(parsing: "CN=Test Root"), serial: SerialNumber(bytes: [0x10, 0x00]),
            notBefore: Date(timeIntervalSince1970: 1_700_000_000), notAfter: Date(timeIntervalSince1970: 2_600_000_000),
            publicKey: caKey.publicKey, isCA: true, pathLength: 1, keyUsage: [.keyCertSign, .cRLSign]
        ).sign(with: caKey, issuerCertificate: nil)
        #expect(ca.version == 3)
        #expect(ca.serialNumber.hexString == "1000")
        #expect(ca.serialNumber.decimalString == "4096")
        #expect(ca.isSelfIssued)
        #expect(ca.isSignature(by: ca))
        #expect(ca.basicConstraints == BasicConstraints(isCA: true, pathLength: 1))
        #expect(ca.keyUsage == [.keyCertSign, .cRLSign])
        #expect(ca.extendedKeyUsage == nil)
        #expect(ca.subjectAlternativeNames == [])
        #expect(ca.notBefore == Date(timeIntervalSince1970: 1_700_000_000))
        #expect(ca.notAfter == Date(timeIntervalSince1970: 2_600_000_000))  // GeneralizedTime (after 2050)
        #expect(ca.signatureAlgorithm == SignatureAlgorithm(name: "ecdsa-with-SHA256", digest: .sha256))
        #expect(ca.subjectKeyIdentifier?.count == 20)
        #expect(ca.authorityKeyIdentifier == ca.subjectKeyIdentifier)

        let leafKey = try PrivateKey.generate(.rsa2048)
        let sans: [GeneralName] = [
            .dns("edge-01.example.com"), .uri("spiffe://example.com/ns/a,b"), .email("ops@example.com"),
            .ipAddress("192.0.2.7"), .ipAddress("2001:db8::1"), .ipAddress("2001:db8:0:1:0:0:0:1"),
            .directoryName(try DistinguishedName(parsing: "CN=dir,O=Example")),
        ]
        let leaf = try CertificateBuilder(
            subject: try DistinguishedName(parsing: "CN=edge-01,OU=DataCenter-Northeast,O=Example Corp"),
            publicKey: leafKey.publicKey, isCA: false, keyUsage: [.digitalSignature, .keyEncipherment],
            extendedKeyUsage: ["clientAuth", "1.3.6.1.5.5.7.3.1"], subjectAlternativeNames: sans,
            signatureDigest: .sha384
        ).sign(with: caKey, issuerCertificate: ca)
        #expect(leaf.issuer == ca.subject)
        #expect(!leaf.isSelfIssued)
        #expect(leaf.isSignature(by: ca))
        #expect(!ca.isSignature(by: leaf))
        #expect(leaf.basicConstraints == BasicConstraints(isCA: false, pathLength: nil))
        #expect(leaf.keyUsage == [.digitalSignature, .keyEncipherment])
        #expect(leaf.extendedKeyUsage == ["1.3.6.1.5.5.7.3.2", "1.3.6.1.5.5.7.3.1"])
        #expect(leaf.subjectAlternativeNames == [
            .dns("edge-01.example.com"), .uri("spiffe://example.com/ns/a,b"), .email("ops@example.com"),
            .ipAddress("192.0.2.7"), .ipAddress("2001:db8::1"), .ipAddress("2001:db8:0:1::1"),
            .directoryName(try DistinguishedName(parsing: "CN=dir,O=Example")),
        ])
        #expect(leaf.signatureAlgorithm == SignatureAlgorithm(name: "ecdsa-with-SHA384", digest: .sha384))
        #expect(leaf.publicKey.kind == .rsa(bits: 2048))
        #expect(leaf.authorityKeyIdentifier == ca.subjectKeyIdentifier)
        #expect(leafKey.matches(leaf))
        #expect(!caKey.matches(leaf))
        #expect(leaf.sha256Fingerprint == SHA256.hash(leaf.der))
    }

    @Test(arguments: [
        (PrivateKey.KeyType.rsa2048, DigestAlgorithm.sha256, "sha256WithRSAEncryption"),
        (.rsa2048, .sha1, "sha1WithRSAEncryption"),
        (.rsa2048, .sha512, "sha512WithRSAEncryption"),
        (.ecP384, .sha1, "ecdsa-with-SHA1"),
        (.ecP521, .sha512, "ecdsa-with-SHA512"),
    ])
    func signatureAlgorithms(type: PrivateKey.KeyType, digest: DigestAlgorithm, name: String) throws {
        let key = try PrivateKey.generate(type)
        let certificate = try CertificateBuilder(subject: try DistinguishedName(parsing: "CN=x"),
                                                 publicKey: key.publicKey, signatureDigest: digest)
            .sign(with: key, issuerCertificate: nil)
        #expect(certificate.signatureAlgorithm == SignatureAlgorithm(name: name, digest: digest))
        #expect(certificate.isSignature(by: certificate))
    }

    @Test func signingKeyMustBelongToIssuer() throws {
        let pki = try TestPKI()
        let key = try PrivateKey.generate(.ecP256)
        #expect(throws: CryptoError.malformed("the signing key does not belong to the issuer certificate O=Example Corp,CN=Root CA")) {
            try CertificateBuilder(subject: try DistinguishedName(parsing: "CN=x"), publicKey: key.publicKey)
                .sign(with: pki.intermediateKey, issuerCertificate: pki.root)
        }
    }

    @Test func versionOneHasNoExtensions() throws {
        let key = try PrivateKey.generate(.ecP256)
        let certificate = try CertificateBuilder(subject: try DistinguishedName(parsing: "CN=old"), publicKey: key.publicKey,
                                                 isCA: true, keyUsage: [.digitalSignature], version: 1)
            .sign(with: key, issuerCertificate: nil)
        #expect(certificate.version == 1)
        #expect(certificate.basicConstraints == nil)
        #expect(certificate.keyUsage == nil)
        #expect(certificate.subjectKeyIdentifier == nil)
    }

    @Test func emptySubjectWithSAN() throws {
        let key = try PrivateKey.generate(.ecP256)
        let certificate = try CertificateBuilder(subject: DistinguishedName(), issuer: try DistinguishedName(parsing: "CN=CA"),
                                                 publicKey: key.publicKey, subjectAlternativeNames: [.uri("urn:x")])
            .sign(with: key, issuerCertificate: nil)
        #expect(certificate.subject.isEmpty)
        #expect(certificate.issuer.rfc4514 == "CN=CA")
        #expect(certificate.subjectAlternativeNames == [.uri("urn:x")])
    }

    @Test func parseManyKeepsOrderAndFormats() throws {
        let pki = try TestPKI()
        let bundle = pki.leaf.pem + "\n" + pki.intermediate.pem + pki.root.pem
        #expect(try Certificate.parseMany(pemOrDER: Array(bundle.utf8)) == [pki.leaf, pki.intermediate, pki.root])
        #expect(try Certificate.parseMany(pemOrDER: pki.root.der) == [pki.root])
        #expect(try Certificate(der: pki.leaf.der).hashValue == pki.leaf.hashValue)
        #expect(Set([pki.leaf, pki.leaf, pki.root]).count == 2)
    }

    @Test func rejectsGarbage() throws {
        let pki = try TestPKI()
        #expect(throws: CryptoError.malformed("certificate DER has 1 trailing bytes")) {
            try Certificate(der: pki.leaf.der + [0])
        }
        #expect(throws: CryptoError.malformed("empty certificate")) { try Certificate(der: []) }
        #expect(throws: CryptoError.self) { try Certificate(der: Array(pki.leaf.der.dropLast())) }
        #expect(throws: CryptoError.malformed("no CERTIFICATE block in PEM input")) {
            try Certificate.parseMany(pemOrDER: Array("-----BEGIN X-----\nAA==\n-----END X-----\n".utf8))
        }
    }

    /// A certificate made by the openssl CLI, checked field by field against what OpenSSL prints.
    @Test func parsesCertificateMadeByOpenSSL() throws {
        let cli = try OpenSSLCLI()
        try cli.run(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "key.pem", "-out", "cert.pem",
                     "-days", "30", "-sha256", "-set_serial", "0x0123",
                     "-subj", "/C=US/O=Example Corp/OU=Eng/OU=Ops/CN=edge-01",
                     "-addext", "subjectAltName=DNS:edge.example.com,URI:spiffe://example/edge,email:ops@example.com,IP:192.0.2.7,IP:2001:db8::1",
                     "-addext", "keyUsage=critical,digitalSignature",
                     "-addext", "extendedKeyUsage=clientAuth",
                     "-addext", "basicConstraints=critical,CA:FALSE"])
        let certificate = try #require(try Certificate.parseMany(pemOrDER: cli.read("cert.pem")).first)
        #expect(certificate.version == 3)
        #expect(certificate.serialNumber.hexString == "0123")
        #expect(certificate.serialNumber.decimalString == "291")
        #expect(certificate.subject.rfc4514 == "C=US,O=Example Corp,OU=Eng,OU=Ops,CN=edge-01")
        #expect(certificate.isSelfIssued)
        #expect(certificate.subjectAlternativeNames == [
            .dns("edge.example.com"), .uri("spiffe://example/edge"), .email("ops@example.com"),
            .ipAddress("192.0.2.7"), .ipAddress("2001:db8::1"),
        ])
        #expect(certificate.keyUsage == [.digitalSignature])
        #expect(certificate.extendedKeyUsage == ["1.3.6.1.5.5.7.3.2"])
        #expect(certificate.basicConstraints == BasicConstraints(isCA: false))
        #expect(certificate.signatureAlgorithm == SignatureAlgorithm(name: "sha256WithRSAEncryption", digest: .sha256))
        #expect(certificate.publicKey.kind == .rsa(bits: 2048))
        #expect(certificate.notAfter.timeIntervalSince(certificate.notBefore) == 30 * 86_400)

        let fingerprint = try cli.run(["x509", "-in", "cert.pem", "-noout", "-fingerprint", "-sha256"])
        let expected = fingerprint.split(separator: "=").last.map { $0.filter { $0.isHexDigit }.lowercased() }
        #expect(Hex.encode(certificate.sha256Fingerprint) == expected)
        let dates = try cli.run(["x509", "-in", "cert.pem", "-noout", "-enddate", "-dateopt", "iso_8601"])
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime, .withSpaceBetweenDateAndTime]
        let endText = dates.replacingOccurrences(of: "notAfter=", with: "").trimmingCharacters(in: .whitespacesAndNewlines)
            .replacingOccurrences(of: "Z", with: "")
        let end = try #require(formatter.date(from: endText))
        #expect(certificate.notAfter == end)

        let key = try PrivateKey(pemOrDER: try cli.read("key.pem"))
        #expect(key.matches(certificate))
    }

    /// The openssl CLI accepts the chain our builder issues.
    @Test func opensslVerifiesBuilderChain() throws {
        let pki = try TestPKI(windows: .init(
            root: (Date() - 10 * TestPKI.day, Date() + 100 * TestPKI.day),
            intermediate: (Date() - 10 * TestPKI.day, Date() + 50 * TestPKI.day),
            leaf: (Date() - 1 * TestPKI.day, Date() + 10 * TestPKI.day)))
        let cli = try OpenSSLCLI()
        try cli.write("root.pem", pki.root.pem)
        try cli.write("int.pem", pki.intermediate.pem)
        try cli.write("leaf.pem", pki.leaf.pem)
        let output = try cli.run(["verify", "-x509_strict", "-CAfile", "root.pem", "-untrusted", "int.pem", "leaf.pem"])
        #expect(output.trimmingCharacters(in: .whitespacesAndNewlines) == "leaf.pem: OK")
    }
}
