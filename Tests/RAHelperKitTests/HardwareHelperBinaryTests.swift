import Foundation
import Testing
import RACrypto
import RAWire

/// `credential-process` with keys on a SoftHSM2 token and in swtpm, run as the built binary in a
/// new session (no controlling terminal, like `credential_process` under an SDK), against a
/// loopback responder; every request's signature is checked with the certificate's public key.
@Suite(.serialized, .enabled(if: HardwareHelperFixture.available, "softhsm2, opensc, libengine-pkcs11-openssl, swtpm, tpm2-tools and tpm2-openssl are needed"))
struct HardwareHelperBinaryTests {
    static let arns = ["--trust-anchor-arn", "arn:aws:rolesanywhere:eu-west-1:111122223333:trust-anchor/ta",
                       "--profile-arn", "arn:aws:rolesanywhere:eu-west-1:111122223333:profile/p",
                       "--role-arn", "arn:aws:iam::111122223333:role/r"]
    static let output = #"{"Version":1,"AccessKeyId":"ASIAHW","SecretAccessKey":"s3cr3t","SessionToken":"tok","Expiration":"2030-01-01T00:00:00Z"}"#
    static let softHSM = ["--pkcs11-lib", HardwareHelperFixture.softHSM]

    /// Runs the helper detached from any terminal (`setsid`), so a prompt can only fail.
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> HelperBinaryTests.Run {
        let fixture = try HardwareHelperFixture.get()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setsid")
        process.arguments = ["--wait", HelperBinaryTests.binary.path] + arguments
        process.environment = ["PATH": "/usr/bin:/bin"].merging(fixture.environment) { $1 }.merging(environment) { $1 }
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return HelperBinaryTests.Run(exitCode: process.terminationStatus, standardOutput: String(decoding: outData, as: UTF8.self),
                                     standardError: String(decoding: errData, as: UTF8.self))
    }

    /// Runs `credential-process` against a one-shot responder and checks the request's signature.
    static func expectCredentials(_ arguments: [String], certificate: Certificate, chain: [Certificate] = [],
                                  environment: [String: String] = [:]) throws {
        let body = #"{"credentialSet":[{"credentials":{"accessKeyId":"ASIAHW","expiration":"2030-01-01T00:00:00Z","#
            + #""secretAccessKey":"s3cr3t","sessionToken":"tok"}}],"subjectArn":"arn:aws:rolesanywhere:eu-west-1:1:subject/x"}"#
        let server = try LoopbackResponder(status: 201, reason: "Created", headers: [("Content-Type", "application/json")], body: body)
        let run = try Self.run(["credential-process"] + arguments + arns + ["--endpoint", "http://127.0.0.1:\(server.port)"],
                               environment: environment)
        #expect(run.standardError == "")
        #expect(run.exitCode == 0)
        #expect(run.standardOutput == output)
        let request = try #require(server.request())
        #expect(request.header("X-Amz-X509") == Data(certificate.der).base64EncodedString())
        #expect(request.header("X-Amz-X509-Chain") == (chain.isEmpty ? nil : chain.map { Data($0.der).base64EncodedString() }.joined(separator: ",")))
        let authorization = try AuthorizationHeader.parse(try #require(request.header("Authorization")))
        let expectedAlgorithm = if case .rsa = certificate.publicKey.kind { "AWS4-X509-RSA-SHA256" } else { "AWS4-X509-ECDSA-SHA256" }
        #expect(request.header("Authorization")?.hasPrefix(expectedAlgorithm + " ") == true)
        let signable = SignableRequest(method: request.method, rawURI: request.target, headers: request.headers, body: request.body)
        let stringToSign = try StringToSign(request: signable, authorization: authorization)
        let signature = try #require(Hex.decode(authorization.signature))
        #expect(certificate.publicKey.isValidSignature(signature, for: stringToSign.bytes))
    }

    static func expectFailure(_ arguments: [String], _ message: String, environment: [String: String] = [:]) throws {
        let run = try Self.run(["credential-process"] + arguments + arns + ["--endpoint", "http://127.0.0.1:9"],
                               environment: environment)
        #expect(run.exitCode == 1)
        #expect(run.standardOutput == "")
        #expect(run.standardError == message + "\n")
    }

    // MARK: PKCS#11

    @Test(arguments: ["ec", "rsa"])
    func certificateAndKeyFromTheToken(label: String) throws {
        let fixture = try HardwareHelperFixture.get()
        try Self.expectCredentials(Self.softHSM + ["--certificate", "pkcs11:token=helper;object=\(label)?pin-value=1234"],
                                   certificate: try fixture.certificate(label))
        try Self.expectCredentials(Self.softHSM + ["--certificate", "pkcs11:token=helper;object=\(label);type=cert",
                                              "--private-key", "pkcs11:token=helper;object=\(label);type=private?pin-value=1234"],
                                   certificate: try fixture.certificate(label))
    }

    @Test func theP11KitProxyIsTheDefaultModuleAndThePINCanComeFromTheEnvironment() throws {
        let fixture = try HardwareHelperFixture.get()
        try Self.expectCredentials(["--certificate", "pkcs11:token=helper;id=%01"], certificate: try fixture.certificate("ec"),
                                   environment: ["AWS_SIGNING_HELPER_PKCS11_PIN": "1234"])
    }

    @Test func aCertificateFileWithATokenKeyAndAPINSourceFile() throws {
        let fixture = try HardwareHelperFixture.get()
        let pinFile = fixture.path("pin.txt")
        try "1234\n".write(toFile: pinFile, atomically: true, encoding: .utf8)
        let intermediate = try fixture.certificate("tpm-ec")
        try intermediate.pem.write(toFile: fixture.path("chain.pem"), atomically: true, encoding: .utf8)
        try Self.expectCredentials(Self.softHSM + ["--certificate", fixture.path("p11-rsa.pem"), "--intermediates", fixture.path("chain.pem"),
                                              "--private-key", "pkcs11:token=helper;object=rsa?pin-source=file:\(pinFile)"],
                                   certificate: try fixture.certificate("rsa"), chain: [intermediate])
    }

    @Test func anAlwaysAuthenticateKeyWithReusePin() throws {
        let fixture = try HardwareHelperFixture.get()
        try Self.expectCredentials(Self.softHSM + ["--certificate", "pkcs11:token=helper-always;object=always?pin-value=1234", "--reuse-pin"],
                                   certificate: try fixture.certificate("always"))
    }

    @Test(arguments: [
        (["--certificate", "pkcs11:token=helper;object=ec?pin-value=0000"],
         "user authentication failed (pkcs11: 0xA0: CKR_PIN_INCORRECT)"),
        (["--certificate", "pkcs11:token=helper;object=ec"], "unable to read PKCS#11 user PIN"),
        (["--certificate", "pkcs11:token=helper;object=missing?pin-value=1234"], "unable to find certificate"),
        (["--certificate", HardwareHelperFixture.path("p11-ec.pem"), "--private-key", "pkcs11:token=helper;object=rsa?pin-value=1234"],
         "unable to find matching private key"),
        (["--certificate", "pkcs11:token=helper-always;object=always?pin-value=1234"],
         "could not sign request user re-authentication failed (unable to read PKCS#11 context-specific PIN for private key object "
         + "(pkcs11:token=helper-always;object=always;type=private))"),
        (["--certificate", "pkcs11:token=helper;object=ec?pin-source=exec:/bin/echo"],
         "unsupported PKCS#11 pin-source (only file: sources are supported)"),
        (["--certificate", "pkcs11:token=helper;object=ec", "--private-key", "/nonexistent.pem"], "undefined certificate value"),
    ])
    func tokenFailuresGetTheOfficialMessages(arguments: [String], message: String) throws {
        try Self.expectFailure(Self.softHSM + arguments, message)
    }

    @Test func aModuleThatCannotBeLoaded() throws {
        try Self.expectFailure(["--certificate", "pkcs11:token=helper;object=ec?pin-value=1234", "--pkcs11-lib", "/nonexistent/p11.so"],
                               "Failed to load provider library /nonexistent/p11.so")
    }

    // MARK: TPM 2.0

    @Test func aTSS2KeyFileWithoutPassword() throws {
        let fixture = try HardwareHelperFixture.get()
        try Self.expectCredentials(["--certificate", fixture.path("tpm-ec.pem"), "--private-key", fixture.path("ec.pem")],
                                   certificate: try fixture.certificate("tpm-ec"))
    }

    @Test func aTSS2KeyFileWithItsPasswordFromTheFlagOrTheEnvironment() throws {
        let fixture = try HardwareHelperFixture.get()
        let base = ["--certificate", fixture.path("tpm-auth.pem"), "--private-key", fixture.path("auth.pem")]
        try Self.expectCredentials(base + ["--tpm-key-password", "s3cret"], certificate: try fixture.certificate("tpm-auth"))
        try Self.expectCredentials(base, certificate: try fixture.certificate("tpm-auth"),
                                   environment: ["AWS_SIGNING_HELPER_TPM_KEY_PASSWORD": "s3cret"])
    }

    @Test func aPersistentHandleWithoutPassword() throws {
        let fixture = try HardwareHelperFixture.get()
        try Self.expectCredentials(["--certificate", fixture.path("tpm-handle.pem"), "--private-key", "handle:0x81000001",
                                    "--no-tpm-key-password"], certificate: try fixture.certificate("tpm-handle"))
    }

    @Test(arguments: [
        (["--certificate", HardwareHelperFixture.path("tpm-auth.pem"), "--private-key", HardwareHelperFixture.path("auth.pem"),
          "--tpm-key-password", "wrong"], "incorrect TPM key password"),
        (["--certificate", HardwareHelperFixture.path("tpm-auth.pem"), "--private-key", HardwareHelperFixture.path("auth.pem")],
         "unable to read your TPM key password"),
        (["--certificate", HardwareHelperFixture.path("tpm-ec.pem"), "--private-key", HardwareHelperFixture.path("ec.pem"),
          "--tpm-key-password", "s3cret"], "password is provided but TPM key file indicates that one isn't required"),
        (["--certificate", HardwareHelperFixture.path("tpm-handle.pem"), "--private-key", "handle:0x81000001"],
         "unable to read your TPM key password"),
        (["--certificate", HardwareHelperFixture.path("tpm-handle.pem"), "--private-key", "handle:0xzz", "--no-tpm-key-password"],
         "invalid hex TPM handle value"),
        (["--certificate", HardwareHelperFixture.path("tpm-ec.pem"), "--private-key", "handle:0x81000001", "--no-tpm-key-password"],
         "private key does not match the certificate's public key"),
        (["--private-key", HardwareHelperFixture.path("ec.pem")], "undefined certificate value"),
    ])
    func tpmFailuresGetTheOfficialMessages(arguments: [String], message: String) throws {
        try Self.expectFailure(arguments, message)
    }
}

/// The interactive paths: the helper runs on a pseudo-terminal made by `script`, and the "operator"
/// types a wrong secret first, then the right one.
@Suite(.serialized, .enabled(if: HardwareHelperFixture.available && FileManager.default.fileExists(atPath: "/usr/bin/script"),
                             "the hardware tools and script (bsdutils) are needed"))
struct HardwareHelperPromptTests {
    /// Runs `credential-process` with `typed` as keyboard input; returns the exit code and the terminal transcript.
    static func runOnTerminal(_ arguments: [String], typed: String, port: Int) throws -> (Int32, String) {
        let fixture = try HardwareHelperFixture.get()
        let command = ([HelperBinaryTests.binary.path, "credential-process"] + arguments + HardwareHelperBinaryTests.arns
                       + ["--endpoint", "http://127.0.0.1:\(port)"])
            .map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["--quiet", "--return", "--command", command, "/dev/null"]
        process.environment = ["PATH": "/usr/bin:/bin", "TERM": "dumb"].merging(fixture.environment) { $1 }
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        input.fileHandleForWriting.write(Data(typed.utf8))
        let transcript = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try? input.fileHandleForWriting.close()
        return (process.terminationStatus, String(decoding: transcript, as: UTF8.self))
    }

    static func responder() throws -> LoopbackResponder {
        let body = #"{"credentialSet":[{"credentials":{"accessKeyId":"ASIAHW","expiration":"2030-01-01T00:00:00Z","#
            + #""secretAccessKey":"s3cr3t","sessionToken":"tok"}}],"subjectArn":"arn:aws:rolesanywhere:eu-west-1:1:subject/x"}"#
        return try LoopbackResponder(status: 201, reason: "Created", headers: [("Content-Type", "application/json")], body: body)
    }

    @Test func aMistypedUserPINIsAskedForAgain() throws {
        let fixture = try HardwareHelperFixture.get()
        let server = try Self.responder()
        let (status, transcript) = try Self.runOnTerminal(HardwareHelperBinaryTests.softHSM + ["--certificate", "pkcs11:token=helper;object=ec"],
                                                          typed: "0000\n1234\n", port: server.port)
        #expect(status == 0)
        #expect(transcript.contains("Please enter your user PIN:"))
        #expect(transcript.contains("Incorrect user PIN. Please re-enter your user PIN:"))
        #expect(transcript.contains(HardwareHelperBinaryTests.output))
        let request = try #require(server.request())
        #expect(request.header("X-Amz-X509") == Data(try fixture.certificate("ec").der).base64EncodedString())
    }

    @Test func aMistypedTPMPasswordIsAskedForAgain() throws {
        let fixture = try HardwareHelperFixture.get()
        let server = try Self.responder()
        let (status, transcript) = try Self.runOnTerminal(["--certificate", fixture.path("tpm-auth.pem"), "--private-key", fixture.path("auth.pem")],
                                                          typed: "wrong\ns3cret\n", port: server.port)
        #expect(status == 0)
        #expect(transcript.contains("Please enter your TPM key password:"))
        #expect(transcript.contains("Incorrect TPM key password. Please try again:"))
        #expect(transcript.contains(HardwareHelperBinaryTests.output))
        #expect(server.request() != nil)
    }

    @Test func theContextSpecificPINIsAskedForWithTheKeysURI() throws {
        let server = try Self.responder()
        let (status, transcript) = try Self.runOnTerminal(HardwareHelperBinaryTests.softHSM
                                                          + ["--certificate", "pkcs11:token=helper-always;object=always?pin-value=1234"],
                                                          typed: "1234\n", port: server.port)
        #expect(status == 0)
        #expect(transcript.contains("Please enter your context-specific PIN for private key object (pkcs11:token=helper-always;object=always;type=private):"))
        #expect(transcript.contains(HardwareHelperBinaryTests.output))
        #expect(server.request() != nil)
    }
}
