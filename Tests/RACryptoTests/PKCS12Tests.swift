import Testing
import RACrypto

@Suite struct PKCS12Tests {
    @Test(arguments: [(false, ""), (true, ""), (false, "p12 pass"), (true, "p12 pass")])
    func exportAndParse(legacy: Bool, password: String) throws {
        let pki = try TestPKI()
        let file = try PKCS12.export(key: pki.leafKey, certificate: pki.leaf, chain: [pki.intermediate, pki.root],
                                     password: password, friendlyName: "edge", legacy: legacy)
        let contents = try PKCS12.parse(file, password: password)
        #expect(contents.certificate == pki.leaf)
        #expect(contents.privateKey.publicKey == pki.leafKey.publicKey)
        #expect(Set(contents.additionalCertificates) == [pki.intermediate, pki.root])
        #expect(throws: CryptoError.wrongPassword) { try PKCS12.parse(file, password: password + "x") }

        let cli = try OpenSSLCLI()
        try cli.write("bundle.p12", file)
        let info = try cli.run(["pkcs12", "-in", "bundle.p12", "-passin", "pass:\(password)", "-info", "-nodes"])
        #expect(info.contains(legacy ? "pbeWithSHA1And3-KeyTripleDES-CBC" : "PBES2"))
        #expect(info.contains("MAC: \(legacy ? "sha1" : "sha256")"))
    }

    /// Files made by `openssl pkcs12 -export`, in modern and Go-compatible (3DES, SHA-1 MAC) forms.
    @Test(arguments: [[], ["-keypbe", "PBE-SHA1-3DES", "-certpbe", "PBE-SHA1-3DES", "-macalg", "sha1"]])
    func parsesFilesMadeByOpenSSL(options: [String]) throws {
        let pki = try TestPKI()
        let cli = try OpenSSLCLI()
        try cli.write("key.pem", try pki.leafKey.pkcs8PEM())
        try cli.write("leaf.pem", pki.leaf.pem)
        try cli.write("int.pem", pki.intermediate.pem)
        try cli.run(["pkcs12", "-export", "-inkey", "key.pem", "-in", "leaf.pem", "-certfile", "int.pem",
                     "-passout", "pass:", "-out", "b.p12"] + options)
        let contents = try PKCS12.parse(try cli.read("b.p12"))
        #expect(contents.certificate == pki.leaf)
        #expect(contents.privateKey.matches(pki.leaf))
        #expect(contents.additionalCertificates == [pki.intermediate])
    }

    @Test func rejectsGarbage() {
        #expect(throws: CryptoError.self) { try PKCS12.parse([0x30, 0x00]) }
    }
}
