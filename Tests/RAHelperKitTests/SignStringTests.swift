import Foundation
import Testing
import RACrypto
@testable import RAHelperKit

/// `sign-string`: the official test message, every format and digest byte for byte, and its errors.
/// Reference messages and signatures come from the `openssl` CLI, not from the code under test.
struct SignStringTests {
    /// A leaf key and certificate on disk, plus the reference message built with `openssl`.
    struct Fixture {
        let pki: TestIdentity
        let certificate: String
        let key: String
        let message: String

        init(_ type: PrivateKey.KeyType) throws {
            pki = try TestIdentity(leafKey: type)
            certificate = try pki.write("cert.pem", pki.leaf.pem)
            key = try pki.write("key.pem", pki.leafKey.traditionalPEM())
            let bare: [UInt8]
            switch pki.leafKey.kind {
            case .rsa:
                bare = try OpenSSLCLI.run(["rsa", "-in", key, "-RSAPublicKey_out", "-outform", "DER"])
            default:
                // The SubjectPublicKeyInfo ends with the uncompressed point: 1 + 2 × field size bytes.
                let spki = try OpenSSLCLI.run(["pkey", "-in", key, "-pubout", "-outform", "DER"])
                let pointLength = type == .ecP256 ? 65 : (type == .ecP384 ? 97 : 133)
                bare = Array(spki.suffix(pointLength))
                #expect(bare.first == 0x04)
            }
            let suffix = try OpenSSLCLI.run(["dgst", "-sha256", "-binary"], input: Array("IAM RA".utf8) + bare)
            message = try pki.write("message.bin", Array("AWS Roles Anywhere Credential Helper Signing Test1".utf8) + suffix)
        }

        func opensslSignature(digest: String) throws -> [UInt8] {
            try OpenSSLCLI.run(["dgst", "-\(digest.lowercased())", "-sign", key, message])
        }

        func opensslVerifies(_ signature: [UInt8], digest: String) throws -> Bool {
            let publicKey = try pki.write("public.pem", OpenSSLCLI.run(["pkey", "-in", key, "-pubout"]))
            let signatureFile = try pki.write("signature.bin", signature)
            return (try? OpenSSLCLI.run(["dgst", "-\(digest.lowercased())", "-verify", publicKey,
                                         "-signature", signatureFile, message])) != nil
        }
    }

    @Test(arguments: [PrivateKey.KeyType.rsa2048, .ecP256, .ecP384])
    func messageIsTheOfficialTestString(type: PrivateKey.KeyType) throws {
        let fixture = try Fixture(type)
        let expected = [UInt8](try Data(contentsOf: URL(fileURLWithPath: fixture.message)))
        #expect(SigningTest.message(for: fixture.pki.leafKey.publicKey) == expected)
        #expect(expected.count == 50 + 32)
    }

    @Test(arguments: ["json", "text", "bin"], ["SHA256", "SHA384", "SHA512"])
    func rsaOutputIsByteExact(format: String, digest: String) throws {
        let fixture = try Fixture(.rsa2048)
        let run = try HelperInvocation.run(["sign-string", "--certificate", fixture.certificate,
                                            "--private-key", fixture.key, "--format", format, "--digest", digest])
        #expect(run.error == "")
        #expect(run.exitCode == 0)
        let signature = try fixture.opensslSignature(digest: digest)
        let expected: [UInt8] = switch format {
        case "json": Array("\"\(Hex.encode(signature))\"".utf8)
        case "text": Array(Hex.encode(signature).utf8)
        default: signature
        }
        #expect(run.output == expected)
    }

    @Test func defaultsAreJSONAndSHA256() throws {
        let fixture = try Fixture(.rsa2048)
        let run = try HelperInvocation.run(["sign-string", "--certificate", fixture.certificate, "--private-key", fixture.key])
        #expect(run.exitCode == 0)
        #expect(run.text == "\"\(Hex.encode(try fixture.opensslSignature(digest: "SHA256")))\"")
    }

    @Test(arguments: [PrivateKey.KeyType.ecP256, .ecP384], ["SHA256", "SHA384", "SHA512"])
    func ecdsaSignaturesVerifyWithOpenSSL(type: PrivateKey.KeyType, digest: String) throws {
        let fixture = try Fixture(type)
        let run = try HelperInvocation.run(["sign-string", "--certificate", fixture.certificate,
                                            "--private-key", fixture.key, "--format", "bin", "--digest", digest])
        #expect(run.exitCode == 0)
        #expect(run.output.first == 0x30, "DER ECDSA-Sig-Value")
        #expect(try fixture.opensslVerifies(run.output, digest: digest))
        #expect(try !fixture.opensslVerifies(run.output, digest: digest == "SHA256" ? "SHA384" : "SHA256"))
    }

    /// Since 1.0.5 the official helper signs only the fixed message; whatever is piped in is ignored.
    @Test func standardInputDoesNotChangeWhatIsSigned() throws {
        let fixture = try Fixture(.rsa2048)
        let run = try HelperInvocation.run(["sign-string", "--certificate", fixture.certificate, "--private-key",
                                            fixture.key, "--format", "text"], input: Array("sign me instead".utf8))
        #expect(run.exitCode == 0)
        #expect(run.text == Hex.encode(try fixture.opensslSignature(digest: "SHA256")))
    }

    /// The key may come through standard input or an environment variable instead of a file.
    @Test func keyFromStandardInputOrEnvironment() throws {
        let fixture = try Fixture(.rsa2048)
        let expected = Hex.encode(try fixture.opensslSignature(digest: "SHA512"))
        let keyPEM = try fixture.pki.leafKey.pkcs8PEM()
        let piped = try HelperInvocation.run(["sign-string", "--certificate", fixture.certificate, "--private-key", "-",
                                              "--format", "text", "--digest", "SHA512"], input: Array(keyPEM.utf8))
        #expect(piped.error == "")
        #expect(piped.text == expected)
        let fromEnvironment = try HelperInvocation.run(
            ["sign-string", "--certificate", "env:CERT", "--private-key", "env:KEY", "--format", "text", "--digest", "SHA512"],
            environment: ["CERT": fixture.pki.leaf.pem, "KEY": keyPEM])
        #expect(fromEnvironment.error == "")
        #expect(fromEnvironment.text == expected)
    }

    @Test(arguments: [
        (["--format", "xml"], "Error: invalid argument \"xml\" for \"--format\" flag: xml is not included in json,text,bin\n"),
        (["--format", "JSON"], "Error: invalid argument \"JSON\" for \"--format\" flag: JSON is not included in json,text,bin\n"),
        (["--digest", "sha256"], "Error: invalid argument \"sha256\" for \"--digest\" flag: sha256 is not included in SHA256,SHA384,SHA512\n"),
        (["--digest", "MD5"], "Error: invalid argument \"MD5\" for \"--digest\" flag: MD5 is not included in SHA256,SHA384,SHA512\n"),
        (["--intermediates", "x.pem"], "Error: unknown flag: --intermediates\n"),
        (["--no-tpm-key-password", "--reuse-pin"],
         "Error: if any flags in the group [no-tpm-key-password reuse-pin] are set none of the others can be; [no-tpm-key-password reuse-pin] were all set\n"),
        (["--private-key", "k.pem", "--cert-selector", "Key=x,Value=y"],
         "Error: if any flags in the group [private-key cert-selector] are set none of the others can be; [cert-selector private-key] were all set\n"),
        (["--certificate", "-", "--private-key", "-"],
         "Error: --certificate and --private-key cannot both be - (standard input): give one of them as a file or env:NAME, "
            + "or put key and certificate in one PEM on standard input and leave out --private-key\n"),
        ([], "unable to use cert store signer on linux\n"),
        (["--private-key", "/nonexistent/key.pem"], "undefined certificate value\n"),
        (["--certificate", "/nonexistent/c.pem", "--private-key", "/nonexistent/key.pem"],
         "failed to read certificate: open /nonexistent/c.pem: no such file or directory\n"),
        (["--certificate", "env:RA_TEST_UNSET_CERT"],
         "failed to read certificate: environment variable RA_TEST_UNSET_CERT is not set\n"),
    ])
    func failuresPrintOneLineAndExitOne(arguments: [String], expected: String) throws {
        let run = try HelperInvocation.run(["sign-string"] + arguments, input: [])
        #expect(run.exitCode == 1)
        #expect(run.output == [])
        #expect(run.error == expected)
    }

    @Test func signersWithoutDigestChoiceSignSHA256Only() throws {
        struct SHA256Only: CredentialSigner {
            let certificate: Certificate
            let key: PrivateKey
            var chain: [Certificate] { [] }
            var algorithm: String { "AWS4-X509-ECDSA-SHA256" }
            func sign(_ message: [UInt8]) throws(HelperError) -> [UInt8] {
                do { return try key.signature(for: message) } catch { throw HelperError(.signing, "\(error)") }
            }
        }
        let pki = try TestIdentity()
        let signer = SHA256Only(certificate: pki.leaf, key: pki.leafKey)
        let signature = try SigningTest.signature(of: signer, digest: .sha256)
        #expect(pki.leaf.publicKey.isValidSignature(signature, for: SigningTest.message(for: pki.leaf.publicKey)))
        let error = #expect(throws: HelperError.self) { try SigningTest.signature(of: signer, digest: .sha384) }
        #expect(error?.message == "unable to sign the digest: unsupported hash algorithm")
    }
}
