import Foundation
import Testing
import RACrypto
import RAWire

/// Runs the built `aws_signing_helper` as users and SDKs do and checks exactly what it prints.
struct HelperBinaryTests {
    struct Run {
        var exitCode: Int32
        var standardOutput: String
        var standardError: String
    }

    /// The executable sits next to the test bundle in the build directory.
    static var binary: URL {
        let directory = Bundle.main.bundleURL.pathExtension == "xctest"
            ? Bundle.main.bundleURL.deletingLastPathComponent()
            : (Bundle.main.executableURL ?? Bundle.main.bundleURL).deletingLastPathComponent()
        return directory.appendingPathComponent("aws_signing_helper")
    }

    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = ["PATH": "/usr/bin:/bin"].merging(environment) { $1 }
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(exitCode: process.terminationStatus, standardOutput: String(decoding: outData, as: UTF8.self),
                   standardError: String(decoding: errData, as: UTF8.self))
    }

    @Test func binaryIsBuilt() {
        #expect(FileManager.default.isExecutableFile(atPath: Self.binary.path), "missing \(Self.binary.path)")
    }

    @Test(arguments: [
        (["credential-process", "--x"], "Error: unknown flag: --x\n"),
        (["credential-process", "-certificate", "c.pem"], "Error: unknown shorthand flag: 'c' in -certificate\n"),
        (["credential-process", "--certificate"], "Error: flag needs an argument: --certificate\n"),
        (["credential-process", "--session-duration", "1h"],
         "Error: invalid argument \"1h\" for \"--session-duration\" flag: strconv.ParseInt: parsing \"1h\": invalid syntax\n"),
        (["credential-process", "--certificate", "c.pem", "--cert-selector", "Key=x,Value=y"],
         "Error: if any flags in the group [certificate cert-selector] are set none of the others can be; [cert-selector certificate] were all set\n"),
        (["credential-process", "--no-tpm-key-password", "--tpm-key-password", "p"],
         "Error: if any flags in the group [no-tpm-key-password tpm-key-password] are set none of the others can be; [no-tpm-key-password tpm-key-password] were all set\n"),
        (["bogus"], "Error: unknown command \"bogus\" for \"aws_signing_helper\"\n"),
        (["credential-process"], "unable to use cert store signer on linux\n"),
        (["credential-process", "--cert-selector", "Key=x,Value=y"], "unable to use cert store signer on linux\n"),
        (["credential-process", "--certificate", "pkcs11:token=t;object=c?pin-value=1234", "--pkcs11-lib", "/nonexistent/module.so"],
         "Failed to load provider library /nonexistent/module.so\n"),
        (["credential-process", "--certificate", "/nonexistent/cert.pem", "--private-key", "handle:0x81000001",
          "--no-tpm-key-password"], "failed to read certificate: open /nonexistent/cert.pem: no such file or directory\n"),
        (["credential-process", "--certificate", "/nonexistent/cert.pem"],
         "failed to read certificate: open /nonexistent/cert.pem: no such file or directory\n"),
    ])
    func failuresPrintOneLineAndExitOne(arguments: [String], expectedError: String) throws {
        let run = try Self.run(arguments)
        #expect(run.exitCode == 1)
        #expect(run.standardOutput == "")
        #expect(run.standardError == expectedError)
    }

    @Test func versionHasATrailingNewline() throws {
        let run = try Self.run(["version"])
        #expect(run.exitCode == 0)
        #expect(run.standardOutput == "0.1.0\n")
    }

    @Test func helpGoesToStandardOutput() throws {
        for arguments in [[], ["--help"], ["help"], ["credential-process", "-h"]] {
            let run = try Self.run(arguments)
            #expect(run.exitCode == 0)
            #expect(run.standardOutput.contains("Usage:\n  aws_signing_helper"))
            #expect(run.standardError == "")
        }
    }

    @Test func credentialProcessPrintsTheExactJSONAndSignsWhatItSends() throws {
        let pki = try TestIdentity()
        let certificate = try pki.write("cert.pem", pki.leaf.pem)
        let key = try pki.write("key.pem", pki.leafKey.traditionalPEM())
        let bundle = try pki.write("chain.pem", pki.intermediate.pem)
        let body = #"{"credentialSet":[{"credentials":{"accessKeyId":"ASIAE2E","expiration":"2030-01-01T00:00:00Z","#
            + #""secretAccessKey":"s3cr3t","sessionToken":"tok"}}],"subjectArn":"arn:aws:rolesanywhere:eu-west-1:1:subject/x"}"#
        let server = try LoopbackResponder(status: 201, reason: "Created",
                                           headers: [("Content-Type", "application/json")], body: body)
        let run = try Self.run([
            "credential-process", "--certificate", certificate, "--private-key", key, "--intermediates", bundle,
            "--trust-anchor-arn", "arn:aws:rolesanywhere:eu-west-1:111122223333:trust-anchor/ta",
            "--profile-arn", "arn:aws:rolesanywhere:eu-west-1:111122223333:profile/p",
            "--role-arn", "arn:aws:iam::111122223333:role/r", "--endpoint", "http://127.0.0.1:\(server.port)",
            "--session-duration", "1800",
        ])
        #expect(run.standardError == "")
        #expect(run.exitCode == 0)
        #expect(run.standardOutput == #"{"Version":1,"AccessKeyId":"ASIAE2E","SecretAccessKey":"s3cr3t","SessionToken":"tok","Expiration":"2030-01-01T00:00:00Z"}"#)

        let request = try #require(server.request())
        #expect(request.method == "POST")
        #expect(request.target.hasPrefix("/sessions?profileArn=arn%3Aaws%3Arolesanywhere%3Aeu-west-1%3A111122223333%3Aprofile%2Fp&roleArn="))
        #expect(request.body == Array(#"{"durationSeconds":1800}"#.utf8))
        #expect(request.header("Host") == "127.0.0.1:\(server.port)")
        #expect(request.header("User-Agent")?.hasPrefix("CredHelper/") == true)
        #expect(request.header("Content-Length") == "24")
        let authorization = try AuthorizationHeader.parse(try #require(request.header("Authorization")))
        #expect(authorization.signedHeaders == ["amz-sdk-invocation-id", "amz-sdk-request", "content-type", "host",
                                                "x-amz-date", "x-amz-x509", "x-amz-x509-chain"])
        #expect(authorization.scope.region == "eu-west-1")
        let signable = SignableRequest(method: request.method, rawURI: request.target, headers: request.headers,
                                       body: request.body)
        let stringToSign = try StringToSign(request: signable, authorization: authorization)
        let signature = try #require(Hex.decode(authorization.signature))
        #expect(pki.leaf.publicKey.isValidSignature(signature, for: stringToSign.bytes))
    }

    @Test func serviceErrorsReachStandardErrorInTheSDKFormat() throws {
        let pki = try TestIdentity()
        let combined = try pki.write("combo.pem", pki.leafKey.pkcs8PEM() + pki.leaf.pem)
        let server = try LoopbackResponder(status: 403, reason: "Forbidden",
                                           headers: [("X-Amzn-ErrorType", "AccessDeniedException"),
                                                     ("x-amzn-RequestId", "7d6f0c2e-req"),
                                                     ("Content-Type", "application/json")],
                                           body: #"{"message":"Untrusted Signing Certificate"}"#)
        let run = try Self.run([
            "credential-process", "--certificate", combined, "--debug",
            "--trust-anchor-arn", "arn:aws:rolesanywhere:us-east-2:111122223333:trust-anchor/ta",
            "--profile-arn", "arn:aws:rolesanywhere:us-east-2:111122223333:profile/p",
            "--role-arn", "arn:aws:iam::111122223333:role/r", "--endpoint=http://127.0.0.1:\(server.port)",
        ], environment: ["AWS_CA_BUNDLE": "/etc/custom-ca.pem"])
        #expect(run.exitCode == 1)
        #expect(run.standardOutput == "")
        let lines = run.standardError.split(separator: "\n").map(String.init)
        #expect(lines.contains("CreateSession transport: CA bundle /etc/custom-ca.pem, TLS verification on"))
        #expect(lines.last == "operation error RolesAnywhere: CreateSession, https response error StatusCode: 403, "
            + "RequestID: 7d6f0c2e-req, AccessDeniedException: Untrusted Signing Certificate")
    }
}
