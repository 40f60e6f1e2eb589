import Foundation
import Testing
import RACrypto
@testable import RAHelperKit

struct FileCredentialSignerTests {
    /// Each way of writing a certificate and key that the signer must accept.
    enum Layout: String, CaseIterable, CustomTestStringConvertible {
        case pemPKCS8, pemTraditional, derPKCS8, derTraditional, combinedKeyFirst, combinedCertFirst, encryptedPKCS8
        var testDescription: String { rawValue }
    }

    @Test(arguments: Layout.allCases, [PrivateKey.KeyType.ecP256, .ecP384, .rsa2048])
    func loadsEachFormat(layout: Layout, keyType: PrivateKey.KeyType) throws {
        let pki = try TestIdentity(leafKey: keyType)
        var keyPath: String?
        var certificatePath = try pki.write("cert.pem", pki.leaf.pem)
        var password: String?
        switch layout {
        case .pemPKCS8:
            keyPath = try pki.write("key.pem", pki.leafKey.pkcs8PEM())
        case .pemTraditional:
            keyPath = try pki.write("key.pem", pki.leafKey.traditionalPEM())
        case .derPKCS8:
            certificatePath = try pki.write("cert.der", pki.leaf.der)
            keyPath = try pki.write("key.der", pki.leafKey.pkcs8DER())
        case .derTraditional:
            certificatePath = try pki.write("cert.der", pki.leaf.der)
            keyPath = try pki.write("key.der", pki.leafKey.traditionalDER())
        case .combinedKeyFirst:
            certificatePath = try pki.write("combo.pem", pki.leafKey.traditionalPEM() + pki.leaf.pem)
        case .combinedCertFirst:
            certificatePath = try pki.write("combo.pem", pki.leaf.pem + pki.leafKey.pkcs8PEM())
        case .encryptedPKCS8:
            password = "correct horse"
            keyPath = try pki.write("key.pem", pki.leafKey.pkcs8PEM(password: "correct horse"))
        }
        let signer = try FileCredentialSigner(certificatePath: certificatePath, privateKeyPath: keyPath,
                                              pkcs8Password: password)
        #expect(signer.certificate == pki.leaf)
        #expect(signer.chain.isEmpty)
        let expectedAlgorithm = keyType == .rsa2048 ? "AWS4-X509-RSA-SHA256" : "AWS4-X509-ECDSA-SHA256"
        #expect(signer.algorithm == expectedAlgorithm)
        let message = Array("AWS4-X509-ECDSA-SHA256\n20250101T000000Z\nscope\nabc".utf8)
        let signature = try signer.sign(message)
        #expect(pki.leaf.publicKey.isValidSignature(signature, for: message))
        #expect(!pki.leaf.publicKey.isValidSignature(signature, for: message + [0x20]))
    }

    @Test func firstCertificateBlockIsTheLeafAndIntermediatesKeepFileOrder() throws {
        let pki = try TestIdentity()
        let certificate = try pki.write("cert.pem", pki.leaf.pem + pki.intermediate.pem)
        let key = try pki.write("key.pem", pki.leafKey.pkcs8PEM())
        let bundle = try pki.write("bundle.pem", "intermediates follow\n" + pki.intermediate.pem + "\n" + pki.root.pem)
        let signer = try FileCredentialSigner(certificatePath: certificate, privateKeyPath: key, intermediatesPath: bundle)
        #expect(signer.certificate == pki.leaf)
        #expect(signer.chain == [pki.intermediate, pki.root])
    }

    @Test func opensslCLIKeysLoad() throws {
        let pki = try TestIdentity()
        let certificate = try pki.write("cert.pem", pki.leaf.pem)
        let plain = try pki.write("plain.pem", pki.leafKey.pkcs8PEM())
        let encrypted = pki.path("acm-style.pem")
        // ACM exports PBES2 with PBKDF2-HMAC-SHA1 and AES-256-CBC, the case the official helper added in 1.8.0.
        try runOpenSSL(["pkcs8", "-topk8", "-in", plain, "-out", encrypted, "-v2", "aes-256-cbc",
                        "-v2prf", "hmacWithSHA1", "-passout", "pass:s3cret"])
        let signer = try FileCredentialSigner(certificatePath: certificate, privateKeyPath: encrypted, pkcs8Password: "s3cret")
        #expect(signer.certificate == pki.leaf)
    }

    @Test(arguments: [
        ("missing-cert", "failed to read certificate: open {dir}/absent.pem: no such file or directory"),
        ("missing-key", "failed to read private key: open {dir}/absent-key.pem: no such file or directory"),
        ("missing-bundle", "failed to read certificate bundle: open {dir}/absent-bundle.pem: no such file or directory"),
        ("garbage-key", "unable to parse private key"),
        ("key-as-certificate", "requested block type could not be found"),
        ("text-certificate", "could not parse PEM data"),
        ("broken-certificate-block", "could not parse certificate"),
        ("key-in-bundle", "invalid certificate chain"),
        ("wrong-password", "incorrect PKCS#8 private key password"),
        ("mismatched-key", "private key does not match the certificate's public key"),
        ("p12-with-chain", "can't specify certificate chain when using PKCS#12 files; certificate bundle should be provided within the PKCS#12 file"),
        ("p12", "failed to read PKCS12 certificate: the file is neither a PEM or DER certificate nor a PKCS#12 file"),
    ])
    func failuresUseTheOfficialMessages(scenario: String, expected: String) throws {
        let pki = try TestIdentity()
        let certificate = try pki.write("cert.pem", pki.leaf.pem)
        let key = try pki.write("key.pem", pki.leafKey.pkcs8PEM())
        var certificatePath = certificate
        var keyPath: String? = key
        var bundle: String?
        var password: String?
        switch scenario {
        case "missing-cert": certificatePath = pki.path("absent.pem")
        case "missing-key": keyPath = pki.path("absent-key.pem")
        case "missing-bundle": bundle = pki.path("absent-bundle.pem")
        case "garbage-key": keyPath = try pki.write("garbage.pem", "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n")
        case "key-as-certificate": certificatePath = key
        case "text-certificate": certificatePath = try pki.write("text.txt", "just some text")
        case "broken-certificate-block": certificatePath = try pki.write("broken.pem", PEM.encode(der: [0x30, 0x03, 0x02, 0x01, 0x01], label: "CERTIFICATE"))
        case "key-in-bundle": bundle = try pki.write("bundle.pem", pki.intermediate.pem + pki.leafKey.pkcs8PEM())
        case "wrong-password":
            keyPath = try pki.write("enc.pem", pki.leafKey.pkcs8PEM(password: "right"))
            password = "wrong"
        case "mismatched-key": keyPath = try pki.write("other.pem", pki.rootKey.pkcs8PEM())
        case "p12-with-chain":
            certificatePath = try pki.write("id.p12", [0x01, 0x02, 0x03])
            keyPath = nil
            bundle = try pki.write("bundle.pem", pki.intermediate.pem)
        case "p12":
            certificatePath = try pki.write("id.p12", [0x01, 0x02, 0x03])
            keyPath = nil
        default: Issue.record("unknown scenario \(scenario)")
        }
        let error = #expect(throws: HelperError.self) {
            try FileCredentialSigner(certificatePath: certificatePath, privateKeyPath: keyPath,
                                     intermediatesPath: bundle, pkcs8Password: password)
        }
        #expect(error?.message == expected.replacingOccurrences(of: "{dir}", with: pki.directory.path))
    }

    @Test(arguments: [
        (CertificateSource?.none, PrivateKeySource?.none, "unable to use cert store signer on linux"),
        // Hardware sources fail here before any token or TPM is touched (HardwareSignerFactoryTests has more).
        (.pkcs11(uri: "pkcs11:token"), nil, "invalid PKCS#11 URI attribute 'token'"),
        (.file(path: "/c.pem"), .pkcs11(uri: "pkcs11:object=k"), "failed to read certificate: open /c.pem: no such file or directory"),
        (.file(path: "/c.pem"), .tpmHandle("handle:0x81000001"), "failed to read certificate: open /c.pem: no such file or directory"),
        (nil, .file(path: "/k.pem"), "undefined certificate value"),
    ])
    func signerFactoryRejectsWhatItCannotServe(certificate: CertificateSource?, key: PrivateKeySource?, expected: String) {
        let configuration = CredentialsConfiguration(certificate: certificate, privateKey: key, trustAnchorArn: "",
                                                     profileArn: "", roleArn: "")
        let error = #expect(throws: HelperError.self) { try SignerFactory.makeSigner(for: configuration) }
        #expect(error?.message == expected)
    }

    @Test func tss2KeyFilesAreReportedAsUnsupported() throws {
        let pki = try TestIdentity()
        let certificate = try pki.write("cert.pem", pki.leaf.pem)
        let key = try pki.write("tpm.pem", PEM.encode(der: [0x30, 0x00], label: "TSS2 PRIVATE KEY"))
        let error = #expect(throws: HelperError.self) {
            try FileCredentialSigner(certificatePath: certificate, privateKeyPath: key)
        }
        #expect(error?.code == .unsupported)
        #expect(error?.message == "TPM 2.0 key files (TSS2 PRIVATE KEY) are not supported yet")
    }

    @Test(arguments: [
        ("pkcs11:token=a", CertificateSource.pkcs11(uri: "pkcs11:token=a")),
        ("/etc/cert.pem", .file(path: "/etc/cert.pem")),
    ])
    func certificateArgumentClassification(argument: String, expected: CertificateSource) {
        #expect(CertificateSource(argument: argument) == expected)
    }

    @Test(arguments: [
        ("pkcs11:object=k", PrivateKeySource.pkcs11(uri: "pkcs11:object=k")),
        ("handle:0x81000001", .tpmHandle("handle:0x81000001")),
        ("key.pem", .file(path: "key.pem")),
    ])
    func keyArgumentClassification(argument: String, expected: PrivateKeySource) {
        #expect(PrivateKeySource(argument: argument) == expected)
    }

    private func runOpenSSL(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "openssl \(arguments.joined(separator: " "))")
    }
}
