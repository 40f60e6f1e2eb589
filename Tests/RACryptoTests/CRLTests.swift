import Foundation
import Testing
import RACrypto

@Suite struct CRLTests {
    @Test func buildParseAndVerify() throws {
        let pki = try TestPKI()
        let thisUpdate = Date(timeIntervalSince1970: 1_800_000_000)
        let revokedAt = Date(timeIntervalSince1970: 1_799_990_000)
        let crl = try CRLBuilder(
            issuer: pki.intermediate,
            revoked: [(pki.leaf.serialNumber, revokedAt), (SerialNumber(bytes: [0x01, 0x23]), revokedAt)],
            thisUpdate: thisUpdate, nextUpdate: thisUpdate + 7 * TestPKI.day, crlNumber: SerialNumber(bytes: [5])
        ).sign(with: pki.intermediateKey)

        #expect(crl.issuer == pki.intermediate.subject)
        #expect(crl.thisUpdate == thisUpdate)
        #expect(crl.nextUpdate == thisUpdate + 7 * TestPKI.day)
        #expect(crl.revokedSerials == [pki.leaf.serialNumber, SerialNumber(bytes: [0x01, 0x23])])
        #expect(crl.revocationDates[pki.leaf.serialNumber] == revokedAt)
        #expect(crl.crlNumber == SerialNumber(bytes: [5]))
        #expect(crl.signatureAlgorithm == SignatureAlgorithm(name: "ecdsa-with-SHA256", digest: .sha256))
        #expect(crl.isRevoked(pki.leaf))
        #expect(!crl.isRevoked(pki.intermediate))
        #expect(crl.isSigned(by: pki.intermediate))
        #expect(!crl.isSigned(by: pki.root))

        let fromPEM = try CertificateRevocationList.parse(pemOrDER: Array(crl.pem.utf8))
        #expect(fromPEM.der == crl.der)
        #expect(fromPEM.revokedSerials == crl.revokedSerials)
        #expect(try CertificateRevocationList.parse(pemOrDER: crl.der).der == crl.der)
        #expect(crl.pem.hasPrefix("-----BEGIN X509 CRL-----\n"))
    }

    @Test func signedByAnotherKeyWithSameName() throws {
        let pki = try TestPKI()
        let forged = try CRLBuilder(issuer: pki.intermediate).sign(with: pki.rootKey)
        #expect(!forged.isSigned(by: pki.intermediate))
    }

    @Test func emptyCRLWithoutNextUpdate() throws {
        let pki = try TestPKI()
        let crl = try CRLBuilder(issuer: pki.root, nextUpdate: nil, crlNumber: nil).sign(with: pki.rootKey)
        #expect(crl.revokedSerials.isEmpty)
        #expect(crl.nextUpdate == nil)
        #expect(crl.crlNumber == nil)
        #expect(crl.isSigned(by: pki.root))
    }

    @Test func rejectsGarbage() {
        #expect(throws: CryptoError.malformed("empty CRL")) { try CertificateRevocationList(der: []) }
        #expect(throws: CryptoError.self) { try CertificateRevocationList(der: [0x30, 0x00]) }
        #expect(throws: CryptoError.malformed("no X509 CRL block in PEM input")) {
            try CertificateRevocationList.parse(pemOrDER: Array(PEM.encode(der: [1], label: "CERTIFICATE").utf8))
        }
    }

    /// OpenSSL accepts our CRL's signature, and we read a CRL the openssl CLI issued.
    @Test func interoperatesWithOpenSSLCLI() throws {
        let cli = try OpenSSLCLI()
        let pki = try TestPKI()
        let crl = try CRLBuilder(issuer: pki.root, revoked: [(SerialNumber(bytes: [0x10, 0x01]), Date())])
            .sign(with: pki.rootKey)
        try cli.write("root.pem", pki.root.pem)
        try cli.write("crl.pem", crl.pem)
        let output = try cli.run(["crl", "-in", "crl.pem", "-CAfile", "root.pem", "-noout", "-text"])
        #expect(output.contains("verify OK"))
        #expect(output.contains("Serial Number: 1001"))

        // A minimal CA directory for `openssl ca -gencrl`.
        try cli.write("ca.key", try pki.rootKey.pkcs8PEM())
        try cli.write("index.txt", "R\t300101000000Z\t260101000000Z\t0ABC\tunknown\t/CN=revoked\n")
        try cli.write("ca.cnf", """
            [ ca ]
            default_ca = test
            [ test ]
            database = index.txt
            crlnumber = crlnumber
            default_md = sha256
            default_crl_days = 3
            """)
        try cli.write("crlnumber", "1000\n")
        try cli.run(["ca", "-config", "ca.cnf", "-gencrl", "-keyfile", "ca.key", "-cert", "root.pem", "-out", "cli-crl.pem"])
        let parsed = try CertificateRevocationList.parse(pemOrDER: try cli.read("cli-crl.pem"))
        #expect(parsed.revokedSerials == [SerialNumber(bytes: [0x0a, 0xbc])])
        #expect(parsed.crlNumber == SerialNumber(bytes: [0x10, 0x00]))
        #expect(parsed.isSigned(by: pki.root))
        #expect(parsed.issuer == pki.root.subject)
    }
}
