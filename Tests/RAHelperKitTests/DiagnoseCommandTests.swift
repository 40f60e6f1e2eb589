import Foundation
import Testing
import RACrypto

/// `aws_signing_helper diagnose` as a user runs it: report on stdout, exit 0 only when nothing fails.
struct DiagnoseCommandTests {
    static func arguments(_ setup: DiagnosisTests.Setup, endpoint: String) -> [String] {
        ["diagnose", "--certificate", setup.certificate, "--private-key", setup.key, "--intermediates", setup.intermediates,
         "--trust-anchor-arn", DiagnosisTests.trustAnchorArn, "--profile-arn", DiagnosisTests.profileArn,
         "--role-arn", DiagnosisTests.roleArn, "--endpoint", endpoint]
    }

    @Test func passingConfigurationExitsZero() throws {
        let setup = try DiagnosisTests.Setup()
        let run = try HelperInvocation.run(Self.arguments(setup, endpoint: "https://127.0.0.1:9") + ["--ca-bundle", setup.caBundle])
        #expect(run.error == "")
        #expect(run.exitCode == 0)
        #expect(run.text.hasPrefix("Identity\n  certificate:       \(setup.certificate)\n"))
        #expect(run.text.contains("\n  [ok]   the certificate chains to the CA bundle: CN=workload-1,O=Example <- CN=Test Intermediate <- CN=Test Root\n"))
        #expect(run.text.contains("\n  Canonical request:\n    POST\n    /sessions\n    profileArn="))
        #expect(run.text.contains("\n  String to sign:\n    AWS4-X509-ECDSA-SHA256\n"))
        #expect(run.text.hasSuffix("\nResult: all checks passed\n"))
    }

    @Test func failingChecksExitOneOnStandardOutput() throws {
        let setup = try DiagnosisTests.Setup()
        let other = try setup.pki.write("other.pem", setup.pki.rootKey.pkcs8PEM())
        var arguments = Self.arguments(setup, endpoint: "https://127.0.0.1:9")
        arguments[4] = other
        let run = try HelperInvocation.run(arguments)
        #expect(run.error == "")
        #expect(run.exitCode == 1)
        #expect(run.text.contains("  [FAIL] the private key does not belong to the certificate\n"))
        #expect(run.text.contains("  [skip] the chain was not checked\n"))
        #expect(run.text.hasSuffix("\nResult: 1 problem found\n"))
    }

    @Test func callExplainsTheServersAnswer() throws {
        let setup = try DiagnosisTests.Setup()
        let server = try LoopbackResponder(status: 403, reason: "Forbidden",
                                           headers: [("Content-Type", "application/json"), ("x-amzn-RequestId", "r-1")],
                                           body: DiagnosisTests.errorBody("AccessDeniedException", "Untrusted Signing Certificate"))
        let run = try HelperInvocation.run(Self.arguments(setup, endpoint: "http://127.0.0.1:\(server.port)") + ["--call"])
        #expect(run.exitCode == 1)
        #expect(run.text.contains("\nServer\n  [FAIL] HTTP 403 AccessDeniedException: Untrusted Signing Certificate\n"
            + "         -> the server does not trust the certificate's issuer: import the CA as a trust anchor or pass --intermediates"))
        let request = try #require(server.request())
        #expect(request.header("X-Amz-X509-Chain") == Data(setup.pki.intermediate.der).base64EncodedString())
        #expect(run.text.contains("Request (sent)\n  POST http://127.0.0.1:\(server.port)/sessions?"))
    }

    @Test func usageErrorsStayUsageErrors() throws {
        let run = try HelperInvocation.run(["diagnose", "--certificate", "c.pem", "--cert-selector", "Key=x,Value=y"])
        #expect(run.exitCode == 1)
        #expect(run.error == "Error: if any flags in the group [certificate cert-selector] are set none of the others can be; "
            + "[cert-selector certificate] were all set\n")
    }
}
