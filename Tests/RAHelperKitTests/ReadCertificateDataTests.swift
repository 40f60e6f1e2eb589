import Foundation
import Testing
import RACrypto
@testable import RAHelperKit

/// `read-certificate-data`: the official JSON byte for byte (no trailing newline), from a file,
/// standard input or an environment variable, and the official error texts.
struct ReadCertificateDataTests {
    /// The expected JSON, built from `openssl` output rather than from the code under test.
    static func expectedJSON(certificatePath: String, keyType: String) throws -> String {
        let der = try OpenSSLCLI.run(["x509", "-in", certificatePath, "-outform", "DER"])
        let algorithms = ["SHA256", "SHA384", "SHA512"].map { "\"\(keyType)\($0)\"" }.joined(separator: ",")
        return "{\"keyType\":\"\(keyType)\",\"certificateData\":\"\(Data(der).base64EncodedString())\","
            + "\"serialNumber\":\"300\",\"supportedAlgorithms\":[\(algorithms)]}"
    }

    @Test(arguments: [(PrivateKey.KeyType.rsa2048, "RSA"), (.ecP256, "EC"), (.ecP384, "EC")])
    func printsTheOfficialJSON(type: PrivateKey.KeyType, keyType: String) throws {
        let pki = try TestIdentity(leafKey: type, serial: SerialNumber(bytes: [0x01, 0x2C]))
        let certificate = try pki.write("cert.pem", pki.leaf.pem)
        let run = try HelperInvocation.run(["read-certificate-data", "--certificate", certificate])
        #expect(run.error == "")
        #expect(run.exitCode == 0)
        #expect(run.text == (try Self.expectedJSON(certificatePath: certificate, keyType: keyType)))
        #expect(run.output.last == UInt8(ascii: "}"), "no trailing newline")
    }

    /// The first `CERTIFICATE` block counts; text, keys and further certificates around it do not.
    @Test func firstCertificateOfABundleOrComboFile() throws {
        let pki = try TestIdentity()
        let leafOnly = try pki.write("leaf.pem", pki.leaf.pem)
        let expected = try Self.expectedJSON(certificatePath: leafOnly, keyType: "EC")
        let combo = try pki.write("combo.pem", "Bag Attributes\n" + pki.leafKey.pkcs8PEM() + pki.leaf.pem + pki.intermediate.pem)
        let run = try HelperInvocation.run(["read-certificate-data", "--certificate", combo])
        #expect(run.text == expected)
    }

    @Test func certificateFromStandardInputOrEnvironment() throws {
        let pki = try TestIdentity()
        let expected = try Self.expectedJSON(certificatePath: pki.write("leaf.pem", pki.leaf.pem), keyType: "EC")
        let piped = try HelperInvocation.run(["read-certificate-data", "--certificate", "-"], input: Array(pki.leaf.pem.utf8))
        #expect(piped.error == "")
        #expect(piped.text == expected)
        let pipedDER = try HelperInvocation.run(["read-certificate-data", "--certificate", "-"], input: pki.leaf.der)
        #expect(pipedDER.text == expected)
        for value in [pki.leaf.pem, pki.leaf.pem.replacingOccurrences(of: "\n", with: "\\n"),
                      Data(pki.leaf.der).base64EncodedString(), Data(pki.leaf.pem.utf8).base64EncodedString()] {
            let run = try HelperInvocation.run(["read-certificate-data", "--certificate", "env:RA_CERT"],
                                               environment: ["RA_CERT": value])
            #expect(run.error == "")
            #expect(run.text == expected)
        }
    }

    @Test(arguments: [
        ("key-only", "could not parse PEM data\n"),
        ("plain-text", "could not parse PEM data\n"),
        ("missing-file", "could not parse PEM data\n"),
        ("broken-certificate", "could not parse certificate\n"),
        ("no-flags", "unable to use cert store signer on linux\n"),
        ("selector", "unable to use cert store signer on linux\n"),
        ("unset-variable", "failed to read certificate: environment variable RA_TEST_UNSET is not set\n"),
        ("empty-stdin", "failed to read certificate: standard input is empty\n"),
        ("exclusive", "Error: if any flags in the group [certificate cert-selector] are set none of the others can be; "
            + "[cert-selector certificate] were all set\n"),
    ])
    func failuresUseTheOfficialMessages(scenario: String, expected: String) throws {
        let pki = try TestIdentity()
        let arguments: [String] = switch scenario {
        case "key-only": ["--certificate", try pki.write("key.pem", pki.leafKey.pkcs8PEM())]
        case "plain-text": ["--certificate", try pki.write("text.txt", "not a certificate")]
        case "missing-file": ["--certificate", pki.path("absent.pem")]
        case "broken-certificate":
            ["--certificate", try pki.write("broken.pem", PEM.encode(der: [0x30, 0x03, 0x02, 0x01, 0x01], label: "CERTIFICATE"))]
        case "no-flags": []
        case "selector": ["--cert-selector", "Key=x509Subject,Value=CN=x"]
        case "unset-variable": ["--certificate", "env:RA_TEST_UNSET"]
        case "empty-stdin": ["--certificate", "-"]
        default: ["--certificate", "c.pem", "--cert-selector", "Key=x,Value=y"]
        }
        let run = try HelperInvocation.run(["read-certificate-data"] + arguments, input: [])
        #expect(run.exitCode == 1)
        #expect(run.output == [])
        #expect(run.error == expected)
    }

    @Test func libraryValueMatchesTheCertificate() throws {
        let pki = try TestIdentity(leafKey: .rsa2048, serial: SerialNumber(bytes: [0x7F, 0x01]))
        let data = CertificateData(certificate: pki.leaf)
        #expect(data.keyType == "RSA")
        #expect(data.serialNumber == "32513")
        #expect(data.supportedAlgorithms == ["RSASHA256", "RSASHA384", "RSASHA512"])
        #expect(data.certificateData == Data(pki.leaf.der).base64EncodedString())
    }
}
