import Testing
import RACrypto

@Suite struct PrivateKeyLoadingTests {
    /// Every serialisation RACrypto writes loads back as the same key.
    @Test(arguments: [PrivateKey.KeyType.ecP256, .ecP384, .ecP521, .rsa2048])
    func roundTripsEveryFormat(type: PrivateKey.KeyType) throws {
        let key = try PrivateKey.generate(type)
        let encodings: [(String, [UInt8])] = [
            ("pkcs8 PEM", Array(try key.pkcs8PEM().utf8)),
            ("pkcs8 DER", try key.pkcs8DER()),
            ("traditional PEM", Array(try key.traditionalPEM().utf8)),
            ("traditional DER", try key.traditionalDER()),
        ]
        for (name, bytes) in encodings {
            let loaded = try PrivateKey(pemOrDER: bytes)
            #expect(loaded.publicKey == key.publicKey, "\(name)")
        }
        let encrypted = try key.pkcs8PEM(password: "s3cret")
        #expect(encrypted.hasPrefix("-----BEGIN ENCRYPTED PRIVATE KEY-----"))
        #expect(try PrivateKey(pemOrDER: Array(encrypted.utf8), password: "s3cret").publicKey == key.publicKey)
        #expect(throws: CryptoError.wrongPassword) { try PrivateKey(pemOrDER: Array(encrypted.utf8), password: "wrong") }
        #expect(throws: CryptoError.passwordRequired) { try PrivateKey(pemOrDER: Array(encrypted.utf8)) }
    }

    @Test func labelsOfTraditionalForms() throws {
        #expect(try PrivateKey.generate(.rsa2048).traditionalPEM().hasPrefix("-----BEGIN RSA PRIVATE KEY-----"))
        #expect(try PrivateKey.generate(.ecP256).traditionalPEM().hasPrefix("-----BEGIN EC PRIVATE KEY-----"))
        #expect(try PrivateKey.generate(.ecP256).pkcs8PEM().hasPrefix("-----BEGIN PRIVATE KEY-----"))
    }

    /// Files made by the openssl CLI in each format an operator may hand the helper.
    @Test(arguments: ["rsa", "ec"])
    func loadsFilesMadeByOpenSSL(algorithm: String) throws {
        let cli = try OpenSSLCLI()
        if algorithm == "rsa" {
            try cli.run(["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "pkcs8.pem"])
        } else {
            try cli.run(["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384", "-out", "pkcs8.pem"])
        }
        try cli.run(["pkey", "-in", "pkcs8.pem", "-traditional", "-out", "trad.pem"])
        try cli.run(["pkey", "-in", "pkcs8.pem", "-traditional", "-outform", "DER", "-out", "trad.der"])
        try cli.run(["pkey", "-in", "pkcs8.pem", "-outform", "DER", "-out", "pkcs8.der"])
        try cli.run(["pkcs8", "-topk8", "-in", "pkcs8.pem", "-v2", "aes-256-cbc", "-passout", "pass:pw 123", "-out", "enc.pem"])
        try cli.run(["pkcs8", "-topk8", "-in", "pkcs8.pem", "-v2", "aes-128-cbc", "-passout", "pass:pw 123",
                     "-outform", "DER", "-out", "enc.der"])
        try cli.run(["pkey", "-in", "pkcs8.pem", "-traditional", "-aes256", "-passout", "pass:pw 123", "-out", "legacy-enc.pem"])
        try cli.run(["req", "-x509", "-new", "-key", "pkcs8.pem", "-subj", "/CN=combined", "-days", "1", "-out", "cert.pem"])

        let reference = try PrivateKey(pemOrDER: try cli.read("pkcs8.pem"))
        let expectedKind: PublicKeyKind = algorithm == "rsa" ? .rsa(bits: 2048) : .ec(curve: "P-384")
        #expect(reference.kind == expectedKind)
        let traditionalLabel = algorithm == "rsa" ? "RSA PRIVATE KEY" : "EC PRIVATE KEY"
        #expect(String(decoding: try cli.read("trad.pem"), as: UTF8.self).contains("BEGIN \(traditionalLabel)"))

        for file in ["trad.pem", "trad.der", "pkcs8.der"] {
            #expect(try PrivateKey(pemOrDER: try cli.read(file)).publicKey == reference.publicKey, "\(file)")
        }
        for file in ["enc.pem", "enc.der", "legacy-enc.pem"] {
            let bytes = try cli.read(file)
            #expect(try PrivateKey(pemOrDER: bytes, password: "pw 123").publicKey == reference.publicKey, "\(file)")
            #expect(throws: CryptoError.wrongPassword, "\(file)") { try PrivateKey(pemOrDER: bytes, password: "pw 124") }
            #expect(throws: CryptoError.passwordRequired, "\(file)") { try PrivateKey(pemOrDER: bytes) }
        }

        // Certificate first, then key, as in a combined PEM bundle.
        let combined = try cli.read("cert.pem") + Array("\n".utf8) + (try cli.read("trad.pem"))
        let key = try PrivateKey(pemOrDER: combined)
        #expect(key.publicKey == reference.publicKey)
        let certificate = try #require(try Certificate.parseMany(pemOrDER: combined).first)
        #expect(key.matches(certificate))
        #expect(!(try PrivateKey.generate(.ecP256)).matches(certificate))
    }

    @Test func rejectsNonKeys() throws {
        #expect(throws: CryptoError.malformed("no PRIVATE KEY block in PEM input")) {
            try PrivateKey(pemOrDER: Array(PEM.encode(der: [0x30, 0x00], label: "CERTIFICATE").utf8))
        }
        #expect(throws: CryptoError.self) { try PrivateKey(pemOrDER: [0x30, 0x03, 0x02, 0x01, 0x00]) }
        #expect(throws: CryptoError.self) { try PrivateKey(pemOrDER: []) }
        #expect(throws: CryptoError.self) {
            try PrivateKey(pemOrDER: Array(PEM.encode(der: SecureRandom.bytes(64), label: "PRIVATE KEY").utf8))
        }
    }
}
