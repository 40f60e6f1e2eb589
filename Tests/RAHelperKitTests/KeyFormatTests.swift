import Foundation
import Testing
import RACrypto
@testable import RAHelperKit

/// Key and certificate files as other tools write them: encrypted PKCS#8 with every PBES2 choice the
/// `openssl` CLI offers (including the absent-PRF HMAC-SHA1 default that trips other readers), PKCS#12
/// files in modern and legacy encryptions, and certificate bundles whose extras become the chain.
struct KeyFormatTests {
    static let password = "s3cret pass"

    /// `openssl pkcs8 -topk8` options, and the PRF the encoded parameters name (nil: absent, i.e. HMAC-SHA1).
    static let pbes2Variants: [(name: String, options: [String], prf: String?)] = [
        ("openssl defaults", [], "hmacWithSHA256"),
        ("aes-128-cbc, hmacWithSHA1", ["-v2", "aes-128-cbc", "-v2prf", "hmacWithSHA1"], nil),
        ("aes-192-cbc, hmacWithSHA256", ["-v2", "aes-192-cbc", "-v2prf", "hmacWithSHA256"], "hmacWithSHA256"),
        ("aes-256-cbc, hmacWithSHA384", ["-v2", "aes-256-cbc", "-v2prf", "hmacWithSHA384"], "hmacWithSHA384"),
        ("aes-256-cbc, hmacWithSHA512", ["-v2", "aes-256-cbc", "-v2prf", "hmacWithSHA512"], "hmacWithSHA512"),
        ("aes-256-cbc, hmacWithSHA1", ["-v2", "aes-256-cbc", "-v2prf", "hmacWithSHA1"], nil),
        ("scrypt", ["-scrypt"], nil),
        ("scrypt, aes-128-cbc", ["-scrypt", "-v2", "aes-128-cbc"], nil),
    ]

    @Test(arguments: [PrivateKey.KeyType.rsa2048, .ecP256, .ecP384], 0..<pbes2Variants.count)
    func encryptedPKCS8FromOpenSSL(type: PrivateKey.KeyType, variant: Int) throws {
        let (name, options, prf) = Self.pbes2Variants[variant]
        let pki = try TestIdentity(leafKey: type)
        let certificate = try pki.write("cert.pem", pki.leaf.pem)
        let plain = try pki.write("plain.pem", pki.leafKey.traditionalPEM())
        let encrypted = pki.path("encrypted.pem")
        try OpenSSLCLI.run(["pkcs8", "-topk8", "-in", plain, "-out", encrypted, "-passout", "pass:\(Self.password)"] + options)
        let structure = try OpenSSLCLI.text(["asn1parse", "-in", encrypted])
        #expect(structure.contains(options.contains("-scrypt") ? ":scrypt" : ":PBKDF2"), "\(name)")
        if let prf {
            #expect(structure.contains(prf), "\(name): PRF named")
        } else {
            #expect(!structure.contains("hmacWith"), "\(name): PRF absent")
        }
        let identity = try FileIdentity.load(certificate: .file(path: certificate), privateKey: .file(path: encrypted),
                                             intermediatesPath: nil, pkcs8Password: Self.password, pkcs12Password: nil)
        #expect(identity.keyMatchesCertificate, "\(name)")

        let der = pki.path("encrypted.der")
        try OpenSSLCLI.run(["pkcs8", "-topk8", "-in", plain, "-outform", "DER", "-out", der,
                            "-passout", "pass:\(Self.password)"] + options)
        let fromDER = try FileIdentity.load(certificate: .file(path: certificate), privateKey: .file(path: der),
                                            intermediatesPath: nil, pkcs8Password: Self.password, pkcs12Password: nil)
        #expect(fromDER.keyMatchesCertificate, "\(name), DER")

        let wrong = #expect(throws: HelperError.self) {
            try FileIdentity.load(certificate: .file(path: certificate), privateKey: .file(path: encrypted),
                                  intermediatesPath: nil, pkcs8Password: "wrong", pkcs12Password: nil)
        }
        #expect(wrong?.message == "incorrect PKCS#8 private key password")
    }

    /// `openssl pkcs12 -export` options: OpenSSL 3's defaults (PBES2/AES, SHA-256 MAC), the Go-readable
    /// 3DES/SHA-1 form the official tests use, and `-legacy` (RC2-40 certificates, as OpenSSL 1.x wrote).
    static let pkcs12Variants: [(name: String, options: [String])] = [
        ("openssl 3 defaults", []),
        ("3DES, SHA-1 MAC", ["-certpbe", "PBE-SHA1-3DES", "-keypbe", "PBE-SHA1-3DES", "-macalg", "sha1"]),
        ("legacy RC2-40", ["-legacy"]),
        ("AES-128 with PBKDF2", ["-certpbe", "AES-128-CBC", "-keypbe", "AES-128-CBC"]),
    ]

    @Test(arguments: [PrivateKey.KeyType.rsa2048, .ecP256], 0..<pkcs12Variants.count)
    func pkcs12FromOpenSSLCarriesTheWholeChainLeafFirst(type: PrivateKey.KeyType, variant: Int) throws {
        let (name, options) = Self.pkcs12Variants[variant]
        let pki = try TestIdentity(leafKey: type)
        let certificate = try pki.write("cert.pem", pki.leaf.pem)
        let key = try pki.write("key.pem", pki.leafKey.pkcs8PEM())
        let extras = try pki.write("extras.pem", pki.intermediate.pem + pki.root.pem)
        let withPassword = pki.path("id.p12")
        try OpenSSLCLI.run(["pkcs12", "-export", "-in", certificate, "-inkey", key, "-certfile", extras,
                            "-out", withPassword, "-passout", "pass:\(Self.password)"] + options)
        let signer = try FileCredentialSigner(certificatePath: withPassword, pkcs12Password: Self.password)
        #expect(signer.certificate == pki.leaf, "\(name)")
        #expect(signer.chain.first == pki.leaf, "\(name): the leaf opens the chain header")
        #expect(Set(signer.chain) == [pki.leaf, pki.intermediate, pki.root], "\(name)")
        #expect(signer.chain.count == 3, "\(name)")

        let withoutPassword = pki.path("open.p12")
        try OpenSSLCLI.run(["pkcs12", "-export", "-in", certificate, "-inkey", key, "-out", withoutPassword,
                            "-passout", "pass:"] + options)
        let open = try FileCredentialSigner(certificatePath: withoutPassword)
        #expect(open.certificate == pki.leaf, "\(name), empty password")
        #expect(open.chain == [pki.leaf], "\(name): a lone certificate is still sent as the chain, as the official helper does")
    }

    @Test func pkcs12PasswordErrors() throws {
        let pki = try TestIdentity()
        let certificate = try pki.write("cert.pem", pki.leaf.pem)
        let key = try pki.write("key.pem", pki.leafKey.pkcs8PEM())
        let p12 = pki.path("id.p12")
        try OpenSSLCLI.run(["pkcs12", "-export", "-in", certificate, "-inkey", key, "-out", p12, "-passout", "pass:right"])
        let missing = #expect(throws: HelperError.self) { try FileCredentialSigner(certificatePath: p12) }
        #expect(missing?.message == "failed to read PKCS12 certificate: pkcs12: decryption password incorrect "
            + "(the file has a password: give it with --pkcs12-password)")
        let wrong = #expect(throws: HelperError.self) { try FileCredentialSigner(certificatePath: p12, pkcs12Password: "wrong") }
        #expect(wrong?.message == "failed to read PKCS12 certificate: pkcs12: decryption password incorrect")
        let chain = #expect(throws: HelperError.self) {
            try FileCredentialSigner(certificatePath: p12, intermediatesPath: certificate, pkcs12Password: "right")
        }
        #expect(chain?.message == "can't specify certificate chain when using PKCS#12 files; "
            + "certificate bundle should be provided within the PKCS#12 file")
        let garbage = try pki.write("garbage.bin", [0x01, 0x02, 0x03])
        let notP12 = #expect(throws: HelperError.self) { try FileCredentialSigner(certificatePath: garbage) }
        #expect(notP12?.message == "failed to read PKCS12 certificate: the file is neither a PEM or DER certificate "
            + "nor a PKCS#12 file")
    }

    /// Decision: a `--certificate` file with several certificates sends the others as the chain, in
    /// file order, unless `--intermediates` is given (then that file is the chain, as before). The end
    /// entity is the certificate that matches the key, wherever it sits in the file.
    @Test func certificateBundlesBecomeTheChain() throws {
        let pki = try TestIdentity()
        let key = try pki.write("key.pem", pki.leafKey.pkcs8PEM())
        let fullchain = try pki.write("fullchain.pem", pki.leaf.pem + pki.intermediate.pem + pki.root.pem)
        let signer = try FileCredentialSigner(certificatePath: fullchain, privateKeyPath: key)
        #expect(signer.certificate == pki.leaf)
        #expect(signer.chain == [pki.intermediate, pki.root])

        let rootFirst = try pki.write("rootfirst.pem", pki.root.pem + pki.intermediate.pem + pki.leaf.pem)
        let reordered = try FileCredentialSigner(certificatePath: rootFirst, privateKeyPath: key)
        #expect(reordered.certificate == pki.leaf)
        #expect(reordered.chain == [pki.root, pki.intermediate])

        let explicit = try pki.write("explicit.pem", pki.intermediate.pem)
        let overridden = try FileCredentialSigner(certificatePath: fullchain, privateKeyPath: key, intermediatesPath: explicit)
        #expect(overridden.chain == [pki.intermediate])

        let combined = try pki.write("combined.pem", pki.leafKey.pkcs8PEM() + pki.leaf.pem + pki.intermediate.pem)
        let combo = try FileIdentity.load(certificate: .file(path: combined), privateKey: nil, intermediatesPath: nil,
                                          pkcs8Password: nil, pkcs12Password: nil)
        #expect(combo.certificate == pki.leaf)
        #expect(combo.chain == [pki.intermediate])
        #expect(combo.chainOrigin == .certificateBundle)
    }

    /// End to end: a PKCS#12 file from `openssl` sends `X-Amz-X509-Chain` = leaf, then the other certificates.
    @Test func credentialProcessSendsThePKCS12Chain() throws {
        let pki = try TestIdentity()
        let certificate = try pki.write("cert.pem", pki.leaf.pem)
        let key = try pki.write("key.pem", pki.leafKey.pkcs8PEM())
        let extras = try pki.write("extras.pem", pki.intermediate.pem)
        let p12 = pki.path("id.p12")
        try OpenSSLCLI.run(["pkcs12", "-export", "-in", certificate, "-inkey", key, "-certfile", extras, "-out", p12,
                            "-passout", "pass:"])
        let server = try LoopbackResponder(status: 201, reason: "Created", headers: [("Content-Type", "application/json")],
                                           body: SecretInputTests.createSessionBody)
        let run = try HelperInvocation.run(SecretInputTests.arguments(port: server.port) + ["--certificate", p12])
        #expect(run.error == "")
        #expect(run.exitCode == 0)
        let request = try #require(server.request())
        #expect(request.header("X-Amz-X509") == Data(pki.leaf.der).base64EncodedString())
        #expect(request.header("X-Amz-X509-Chain")
            == [pki.leaf, pki.intermediate].map { Data($0.der).base64EncodedString() }.joined(separator: ","))
    }
}
