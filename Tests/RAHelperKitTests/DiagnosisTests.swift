import Foundation
import Testing
import RACrypto
import RAHTTPClient
import RAWire
@testable import RAHelperKit

/// `diagnose`, in process: one test per finding, with a fixed clock and a scripted server.
struct DiagnosisTests {
    static let trustAnchorArn = "arn:aws:rolesanywhere:eu-west-1:111122223333:trust-anchor/ta-1"
    static let profileArn = "arn:aws:rolesanywhere:eu-west-1:111122223333:profile/p-1"
    static let roleArn = "arn:aws:iam::111122223333:role/edge"

    /// A PKI on disk: leaf, key, intermediate and root files, and a CA bundle holding the root.
    struct Setup {
        let pki: TestIdentity
        let certificate: String
        let key: String
        let intermediates: String
        let caBundle: String

        init(leaf: Certificate? = nil) throws {
            pki = try TestIdentity()
            certificate = try pki.write("cert.pem", (leaf ?? pki.leaf).pem)
            key = try pki.write("key.pem", pki.leafKey.pkcs8PEM())
            intermediates = try pki.write("intermediates.pem", pki.intermediate.pem)
            caBundle = try pki.write("ca.pem", pki.root.pem)
        }

        func configuration(intermediates: Bool = true, key: String? = nil, trustAnchorArn: String = DiagnosisTests.trustAnchorArn,
                           profileArn: String = DiagnosisTests.profileArn, roleArn: String = DiagnosisTests.roleArn,
                           region: String? = nil) -> CredentialsConfiguration {
            CredentialsConfiguration(certificate: .file(path: certificate), privateKey: .file(path: key ?? self.key),
                                     intermediatesPath: intermediates ? self.intermediates : nil,
                                     trustAnchorArn: trustAnchorArn, profileArn: profileArn, roleArn: roleArn,
                                     region: region, endpoint: "https://ra.example.test:8443")
        }

        /// A leaf for the test identity's key with other properties, signed by its intermediate.
        static func leaf(_ pki: TestIdentity, keyUsage: KeyUsage? = [.digitalSignature], isCA: Bool = false,
                         digest: DigestAlgorithm = .sha256, notBefore: Date = Date(timeIntervalSinceNow: -60),
                         notAfter: Date = Date(timeIntervalSinceNow: 365 * 86_400)) throws -> Certificate {
            try CertificateBuilder(subject: DistinguishedName([("CN", "workload-2")]), notBefore: notBefore, notAfter: notAfter,
                                   publicKey: pki.leafKey.publicKey, isCA: isCA, keyUsage: keyUsage, signatureDigest: digest)
                .sign(with: pki.intermediateKey, issuerCertificate: pki.intermediate)
        }
    }

    static func diagnose(_ configuration: CredentialsConfiguration, caBundle: String? = nil, call: Bool = false,
                         transport: FakeTransport = FakeTransport([]), now: Date = Date()) -> DiagnosisReport {
        Diagnosis(configuration: configuration, options: DiagnoseOptions(caBundlePath: caBundle, call: call),
                  transport: transport, clock: { now }).run()
    }

    @Test func healthyConfigurationPassesAndShowsTheRequest() throws {
        let setup = try Setup()
        let report = Self.diagnose(setup.configuration(), caBundle: setup.caBundle)
        #expect(report.passed, "\(report.rendered)")
        for check: DiagnosticCheck in [.keyMatch, .validity, .version, .keyUsage, .basicConstraints, .signatureAlgorithm,
                                       .keyAlgorithm, .chain, .trustAnchorArn, .profileArn, .roleArn, .region, .account,
                                       .requestSignature] {
            #expect(report.finding(check)?.status == .pass, "\(check)")
        }
        #expect(report.finding(.chain)?.summary == "the certificate chains to the CA bundle: "
            + "CN=workload-1,O=Example <- CN=Test Intermediate <- CN=Test Root")
        let request = try #require(report.request)
        #expect(request.url.hasPrefix("https://ra.example.test:8443/sessions?profileArn="))
        #expect(request.canonicalRequest.hasPrefix("POST\n/sessions\nprofileArn=arn%3Aaws%3Arolesanywhere%3Aeu-west-1"))
        #expect(request.canonicalRequest.hasSuffix(
            "\n\namz-sdk-invocation-id;amz-sdk-request;content-type;host;x-amz-date;x-amz-x509;x-amz-x509-chain\n"
                + Hex.encode(SHA256.hash(Array(#"{"durationSeconds":3600}"#.utf8)))))
        let lines = request.stringToSign.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines.first == "AWS4-X509-ECDSA-SHA256")
        #expect(lines.last == Hex.encode(SHA256.hash(Array(request.canonicalRequest.utf8))))
        #expect(!report.called)
        #expect(report.rendered.contains("Request (not sent; add --call to send it)\n"))
        #expect(report.rendered.hasSuffix("\nResult: all checks passed\n"))
    }

    @Test func mismatchedKeyFailsButTheCertificateIsStillExamined() throws {
        let setup = try Setup()
        let other = try setup.pki.write("other.pem", setup.pki.rootKey.pkcs8PEM())
        let report = Self.diagnose(setup.configuration(key: other))
        #expect(!report.passed)
        let finding = try #require(report.finding(.keyMatch))
        #expect(finding.status == .failure)
        #expect(finding.summary == "the private key does not belong to the certificate")
        #expect(finding.advice?.hasPrefix("the server would answer \"Invalid signature\"") == true)
        #expect(report.finding(.validity)?.status == .pass)
        #expect(report.request == nil)
        #expect(report.rendered.contains("  [FAIL] the private key does not belong to the certificate\n"))
    }

    @Test func unreadableIdentityIsOneFailure() throws {
        let setup = try Setup()
        var configuration = setup.configuration()
        configuration.certificate = .file(path: setup.pki.path("absent.pem"))
        let report = Self.diagnose(configuration)
        let finding = try #require(report.finding(.identity))
        #expect(finding.status == .failure)
        #expect(finding.summary == "failed to read certificate: open \(setup.pki.path("absent.pem")): no such file or directory")
        #expect(report.finding(.keyMatch) == nil)
        #expect(report.finding(.trustAnchorArn)?.status == .pass, "the ARNs are checked anyway")
    }

    @Test(arguments: [
        ("expired", DiagnosticFinding.Status.failure, "the certificate expired on 2030-01-01T00:00:00Z"),
        ("not yet valid", .failure, "the certificate is not valid before 2029-01-01T00:00:00Z"),
        ("expires soon", .warning, "the certificate expires on 2030-01-01T00:00:00Z, in 2 days"),
        ("valid", .pass, "the certificate is valid until 2030-01-01T00:00:00Z (30 days left)"),
    ])
    func validityWindow(scenario: String, status: DiagnosticFinding.Status, summary: String) throws {
        let notBefore = try #require(ISO8601DateFormatter().date(from: "2029-01-01T00:00:00Z"))
        let notAfter = try #require(ISO8601DateFormatter().date(from: "2030-01-01T00:00:00Z"))
        let pki = try TestIdentity()
        let now: Date = switch scenario {
        case "expired": notAfter.addingTimeInterval(1)
        case "not yet valid": notBefore.addingTimeInterval(-1)
        case "expires soon": notAfter.addingTimeInterval(-2.5 * 86_400)
        default: notAfter.addingTimeInterval(-30.5 * 86_400)
        }
        let finding = CertificateChecks.validity(leaf: try Setup.leaf(pki, notBefore: notBefore, notAfter: notAfter),
                                                 chain: [], at: now)
        #expect(finding.status == status)
        #expect(finding.summary == summary)
    }

    @Test func expiredChainCertificateFails() throws {
        let pki = try TestIdentity()
        let later = CertificateChecks.validity(leaf: pki.leaf, chain: [pki.intermediate], at: Date(timeIntervalSinceNow: 30 * 86_400))
        #expect(later.status == .pass)
        let old = try CertificateBuilder(subject: DistinguishedName([("CN", "Old Intermediate")]),
                                         notBefore: Date(timeIntervalSinceNow: -10 * 86_400),
                                         notAfter: Date(timeIntervalSinceNow: -86_400), publicKey: pki.intermediateKey.publicKey,
                                         isCA: true, keyUsage: [.keyCertSign]).sign(with: pki.rootKey, issuerCertificate: pki.root)
        let stale = CertificateChecks.validity(leaf: pki.leaf, chain: [old], at: Date())
        #expect(stale.status == .failure)
        #expect(stale.summary.hasPrefix("chain certificate CN=Old Intermediate expired on "))
    }

    @Test(arguments: [
        ("no keyUsage", DiagnosticCheck.keyUsage, "the certificate has no keyUsage extension"),
        ("keyEncipherment only", .keyUsage, "keyUsage does not include digitalSignature"),
        ("CA", .basicConstraints, "the certificate is a CA certificate (basicConstraints CA:TRUE)"),
        ("SHA-1", .signatureAlgorithm, "the certificate is signed with ecdsa-with-SHA1"),
    ])
    func certificateRequirements(scenario: String, check: DiagnosticCheck, summary: String) throws {
        let pki = try TestIdentity()
        let leaf = switch scenario {
        case "no keyUsage": try Setup.leaf(pki, keyUsage: nil)
        case "keyEncipherment only": try Setup.leaf(pki, keyUsage: [.keyEncipherment])
        case "CA": try Setup.leaf(pki, keyUsage: [.digitalSignature, .keyCertSign], isCA: true)
        default: try Setup.leaf(pki, digest: .sha1)
        }
        let findings = CertificateChecks.findings(leaf: leaf, chain: [pki.intermediate], at: Date())
        let finding = try #require(findings.first { $0.check == check })
        #expect(finding.status == .failure)
        #expect(finding.summary == summary)
        #expect(finding.advice != nil)
        #expect(findings.filter { $0.status == .failure }.count == 1, "only \(check) fails")
    }

    @Test func chainAgainstTheCABundle() throws {
        let setup = try Setup()
        let missing = Self.diagnose(setup.configuration(intermediates: false), caBundle: setup.caBundle)
        let finding = try #require(missing.finding(.chain))
        #expect(finding.status == .failure)
        #expect(finding.summary.hasPrefix("the certificate does not chain to the CA bundle: unable to get local issuer certificate"))
        #expect(finding.advice?.hasPrefix("the issuer CN=Test Intermediate is neither in the CA bundle nor among the "
            + "certificates sent: if it is an intermediate CA, pass it with --intermediates") == true)

        let stranger = try TestIdentity()
        let otherBundle = try setup.pki.write("other-ca.pem", stranger.root.pem)
        let wrong = Self.diagnose(setup.configuration(), caBundle: otherBundle)
        #expect(wrong.finding(.chain)?.status == .failure)
        #expect(wrong.finding(.chain)?.advice?.contains("the bundle is not the CA of your trust anchor") == true)

        let intermediateAnchor = try setup.pki.write("intermediate-ca.pem", setup.pki.intermediate.pem)
        #expect(Self.diagnose(setup.configuration(intermediates: false), caBundle: intermediateAnchor).finding(.chain)?.status == .pass)

        let skipped = try #require(Self.diagnose(setup.configuration()).finding(.chain))
        #expect(skipped.status == .skipped)
        #expect(skipped.advice == "pass --ca-bundle with the CA certificate(s) of your trust anchor to check it")

        let unreadable = Self.diagnose(setup.configuration(), caBundle: setup.pki.path("absent-ca.pem"))
        #expect(unreadable.finding(.chain)?.summary.hasPrefix("failed to read CA bundle: open ") == true)
    }

    @Test(arguments: [
        ("bad trust anchor", DiagnosticCheck.trustAnchorArn, DiagnosticFinding.Status.failure,
         "failed to parse trust anchor arn: 'arn: invalid prefix'"),
        ("short profile", .profileArn, .failure, "failed to parse profile arn: 'arn: not enough sections'"),
        ("profile as trust anchor", .trustAnchorArn, .failure,
         "--trust-anchor-arn is not a trust anchor ARN: arn:aws:rolesanywhere:eu-west-1:111122223333:profile/p-1"),
        ("role not iam", .roleArn, .failure, "--role-arn is not a role ARN: arn:aws:rolesanywhere:eu-west-1:111122223333:profile/p-1"),
        ("no role", .roleArn, .failure, "--role-arn is missing"),
        ("regions differ", .region, .failure, "trust anchor and profile regions don't match (eu-west-1 and us-east-1)"),
        ("region flag differs", .region, .warning, "the request is signed for --region us-east-1, but the trust anchor is in eu-west-1"),
        ("accounts differ", .account, .warning,
         "the trust anchor (account 111122223333) and the profile (account 444455556666) are in different accounts"),
        ("role elsewhere", .account, .warning, "the role is in account 444455556666, the profile in account 111122223333"),
        ("all good", .region, .pass, "the request is signed for region eu-west-1"),
    ])
    func arnFindings(scenario: String, check: DiagnosticCheck, status: DiagnosticFinding.Status, summary: String) throws {
        let setup = try Setup()
        var trustAnchor = Self.trustAnchorArn
        var profile = Self.profileArn
        var role = Self.roleArn
        var region: String?
        switch scenario {
        case "bad trust anchor": trustAnchor = "rolesanywhere:trust-anchor/x"
        case "short profile": profile = "arn:aws:rolesanywhere:eu-west-1"
        case "profile as trust anchor": trustAnchor = Self.profileArn
        case "role not iam": role = Self.profileArn
        case "no role": role = ""
        case "regions differ": profile = "arn:aws:rolesanywhere:us-east-1:111122223333:profile/p-1"
        case "region flag differs": region = "us-east-1"
        case "accounts differ": profile = "arn:aws:rolesanywhere:eu-west-1:444455556666:profile/p-1"
        case "role elsewhere": role = "arn:aws:iam::444455556666:role/edge"
        default: break
        }
        let report = Self.diagnose(setup.configuration(trustAnchorArn: trustAnchor, profileArn: profile, roleArn: role,
                                                       region: region))
        let finding = try #require(report.finding(check))
        #expect(finding.status == status)
        #expect(finding.summary == summary)
        #expect(report.passed == (status != .failure))
        #expect((report.request != nil) == (status != .failure), "no request is built from broken ARNs")
    }

    @Test func callSendsTheShownRequestAndReportsCredentials() throws {
        let setup = try Setup()
        let transport = FakeTransport(status: 201, body: SecretInputTests.createSessionBody)
        let report = Self.diagnose(setup.configuration(), call: true, transport: transport)
        let finding = try #require(report.finding(.serverCall))
        #expect(finding.status == .pass)
        #expect(finding.summary == "HTTP 201: the server issued credentials (access key ASIAMEMORY, expiring 2030-01-01T00:00:00Z)")
        #expect(!report.rendered.contains("s3cr3t"), "the secret key is never printed")
        #expect(!report.rendered.contains("\"tok\""))
        let sent = try #require(transport.requests.first)
        #expect(transport.requests.count == 1, "diagnose does not retry")
        let preview = try #require(report.request)
        #expect(sent.url == preview.url)
        let authorization = try AuthorizationHeader.parse(try #require(sent.header("Authorization")))
        let query = String(sent.url.split(separator: "?", maxSplits: 1)[1])
        let rebuilt = try StringToSign(request: SignableRequest(method: "POST", path: "/sessions", rawQuery: query,
                                                                headers: sent.headers, body: sent.body),
                                       authorization: authorization)
        #expect(rebuilt.canonicalRequest.text == preview.canonicalRequest)
        #expect(rebuilt.text == preview.stringToSign)
        #expect(report.rendered.contains("Request (sent)\n"))
    }

    static func errorBody(_ code: String, _ message: String) -> String {
        #"{"__type":"\#(code)","message":"\#(message)"}"#
    }

    @Test(arguments: [
        (403, "AccessDeniedException", "Untrusted Signing Certificate",
         "the server does not trust the certificate's issuer: import the CA as a trust anchor or pass --intermediates"),
        (403, "AccessDeniedException", "Invalid signature", "the server could not verify the request's signature"),
        (403, "AccessDeniedException", "Signature expired: 20250101T000000Z is outside the allowed window",
         "this machine's clock and the server's differ"),
        (404, "ResourceNotFoundException", "Trust anchor arn:x was not found.", "the server has no trust anchor with this ARN"),
        (404, "ResourceNotFoundException", "Profile arn:x was not found.", "the server has no profile with this ARN"),
        (403, "AccessDeniedException", "Requested Role isn't one of those listed in the Profile.",
         "the profile does not list this role"),
        (403, "AccessDeniedException", "Not authorized to perform sts:AssumeRole on the requested role.",
         "the role's trust policy does not let Roles Anywhere assume it"),
        (403, "AccessDeniedException", "Not authorized to set roleSessionName.", "the profile does not accept a role session name"),
        (400, "ValidationException", "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.",
         "--session-duration is longer than the role's maximum session duration"),
        (503, "ServiceUnavailable", "busy", "the server failed (HTTP 503)"),
    ])
    func serverAnswersAreExplained(status: Int, code: String, message: String, explanation: String) throws {
        let setup = try Setup()
        let transport = FakeTransport(status: status, headers: [("x-amzn-RequestId", "req-1")], body: Self.errorBody(code, message))
        let report = Self.diagnose(setup.configuration(), call: true, transport: transport)
        let finding = try #require(report.finding(.serverCall))
        #expect(finding.status == .failure)
        #expect(finding.summary == "HTTP \(status) \(code): \(message)")
        #expect(finding.advice?.hasPrefix(explanation) == true, "\(finding.advice ?? "")")
        #expect(!report.passed)
        #expect(report.rendered.contains("\nServer\n  [FAIL] HTTP \(status) \(code): \(message)\n         -> \(explanation)"))
    }

    @Test(arguments: [
        (HTTPClientError.Kind.couldNotConnect, "nothing accepts connections at https://ra.example.test:8443/sessions"),
        (.couldNotResolveHost, "the host name of https://ra.example.test:8443/sessions does not resolve"),
        (.tls, "the TLS handshake failed (certificate verify failed): if the server's certificate comes from a private CA, "
            + "point AWS_CA_BUNDLE at that CA's certificate"),
        (.timedOut, "the server did not answer in time"),
    ])
    func connectionFailuresAreExplained(kind: HTTPClientError.Kind, explanation: String) throws {
        let setup = try Setup()
        let transport = FakeTransport([.failure(HTTPClientError(kind: kind, message: "certificate verify failed"))])
        let finding = try #require(Self.diagnose(setup.configuration(), call: true, transport: transport).finding(.serverCall))
        #expect(finding.status == .failure)
        #expect(finding.summary == "no answer from https://ra.example.test:8443/sessions: certificate verify failed")
        #expect(finding.advice?.hasPrefix(explanation) == true, "\(finding.advice ?? "")")
    }

    @Test func nonJSONErrorPagesAreCalledOut() throws {
        let setup = try Setup()
        let transport = FakeTransport(status: 502, body: "<html>Bad Gateway</html>")
        let finding = try #require(Self.diagnose(setup.configuration(), call: true, transport: transport).finding(.serverCall))
        #expect(finding.status == .failure)
        #expect(finding.advice?.hasPrefix("the answer is not a Roles Anywhere error (the body is not JSON)") == true)
    }

    @Test func renderingIsStable() {
        var report = DiagnosisReport()
        report.facts = [("certificate", "/etc/ra/cert.pem"), ("subject", "CN=x")]
        report.findings = [
            DiagnosticFinding(.keyMatch, .pass, "the private key matches the certificate"),
            DiagnosticFinding(.chain, .skipped, "the chain was not checked", advice: "pass --ca-bundle"),
            DiagnosticFinding(.validity, .warning, "expires soon", advice: "renew it soon"),
            DiagnosticFinding(.region, .failure, "regions differ", advice: "fix them"),
        ]
        report.request = RequestPreview(method: "POST", url: "https://h/sessions?a=b", canonicalRequest: "POST\n/sessions\na=b\nhost:h\n\nhost\nff",
                                        stringToSign: "ALG\nDATE\nSCOPE\nHASH", authorization: "ALG Credential=1/SCOPE")
        #expect(report.rendered == """
            Identity
              certificate: /etc/ra/cert.pem
              subject:     CN=x

            Checks
              [ok]   the private key matches the certificate
              [skip] the chain was not checked
                     -> pass --ca-bundle
              [warn] expires soon
                     -> renew it soon
              [FAIL] regions differ
                     -> fix them

            Request (not sent; add --call to send it)
              POST https://h/sessions?a=b
              Canonical request:
                POST
                /sessions
                a=b
                host:h

                host
                ff
              String to sign:
                ALG
                DATE
                SCOPE
                HASH
              Authorization:
                ALG Credential=1/SCOPE

            Result: 1 problem found (1 warning)

            """)
    }
}
