import Foundation
public import RAHTTPClient
import RACrypto
import RAWire

/// `aws_signing_helper diagnose`: everything that can be checked about a credential configuration on
/// this machine, before (and, with `--call`, while) asking the server. It never throws: each problem
/// becomes a finding with advice, so one run lists them all.
public struct Diagnosis: Sendable {
    public var configuration: CredentialsConfiguration
    public var options: DiagnoseOptions
    private let transport: any HTTPTransport
    private let clock: @Sendable () -> Date

    /// - Parameter transport: libcurl by default; used only with `options.call`.
    public init(configuration: CredentialsConfiguration, options: DiagnoseOptions,
                transport: any HTTPTransport = HTTPClient()) {
        self.init(configuration: configuration, options: options, transport: transport, clock: { Date() })
    }

    /// With a fixed clock, for tests of the validity findings.
    init(configuration: CredentialsConfiguration, options: DiagnoseOptions, transport: any HTTPTransport,
         clock: @escaping @Sendable () -> Date) {
        self.configuration = configuration
        self.options = options
        self.transport = transport
        self.clock = clock
    }

    public func run() -> DiagnosisReport {
        let now = clock()
        var report = DiagnosisReport()
        let identity = loadIdentity(into: &report)
        if let identity {
            describe(identity, into: &report)
            report.findings += CertificateChecks.findings(leaf: identity.certificate, chain: identity.chain, at: now)
            report.findings.append(ChainCheck.finding(leaf: identity.certificate, chain: identity.chain,
                                                      caBundlePath: options.caBundlePath, at: now))
        }
        let arnFindings = ARNChecks.findings(configuration)
        report.findings += arnFindings
        guard !arnFindings.contains(where: { $0.status == .failure }) else { return report }
        let target: SessionTarget
        do {
            target = try SessionTarget(configuration: configuration)
        } catch {
            report.findings.append(DiagnosticFinding(.endpoint, .failure, error.message,
                                                     advice: "--endpoint must be a base URL such as https://host:8443"))
            return report
        }
        report.facts.append(("endpoint", target.endpoint.sessionsURL(query: "")))
        guard let signer = identity?.signer,
              let request = buildRequest(signer: signer, target: target, at: now, into: &report) else { return report }
        if options.call {
            report.called = true
            report.findings.append(call(request, endpoint: target.endpoint))
        }
        return report
    }

    /// The certificate and chain that would be sent, and a signer when the key belongs to the certificate.
    private struct LoadedIdentity {
        var certificate: Certificate
        var chain: [Certificate]
        var signer: (any CredentialSigner)?
        var chainOrigin: FileIdentity.ChainOrigin?
    }

    /// Loads the identity and adds the key-match finding; nil (and a failure) when nothing can be loaded.
    private func loadIdentity(into report: inout DiagnosisReport) -> LoadedIdentity? {
        let advice = "fix --certificate / --private-key first; nothing else about them can be checked"
        // Files and bytes are read here, so a mismatched key still lets the certificate be examined;
        // anything this reader does not handle (a TPM key file, say) goes to the signer factory.
        if FileIdentity.serves(configuration) {
            let identity: FileIdentity?
            do {
                identity = try FileIdentity.load(for: configuration)
            } catch where error.code == .unsupported {
                identity = nil
            } catch {
                report.findings.append(DiagnosticFinding(.identity, .failure, error.message, advice: advice))
                return nil
            }
            if let identity { return examine(identity, into: &report) }
        }
        return examineSigner(into: &report, advice: advice)
    }

    private func examine(_ identity: FileIdentity, into report: inout DiagnosisReport) -> LoadedIdentity {
        let signer = identity.keyMatchesCertificate ? try? FileCredentialSigner(identity) : nil
        report.findings.append(signer == nil ? keyMismatch
            : DiagnosticFinding(.keyMatch, .pass, "the private key matches the certificate"))
        return LoadedIdentity(certificate: identity.certificate, chain: identity.chain, signer: signer,
                              chainOrigin: identity.chainOrigin)
    }

    private func examineSigner(into report: inout DiagnosisReport, advice: String) -> LoadedIdentity? {
        let signer: any CredentialSigner
        do {
            signer = try SignerFactory.makeSigner(for: configuration)
        } catch {
            report.findings.append(DiagnosticFinding(.identity, .failure, error.message, advice: advice))
            return nil
        }
        // A key on a token or in a TPM cannot be compared directly: sign and verify instead.
        let probe = Array("aws_signing_helper diagnose key check".utf8)
        guard let signature = try? signer.sign(probe), signer.certificate.publicKey.isValidSignature(signature, for: probe) else {
            report.findings.append(keyMismatch)
            return LoadedIdentity(certificate: signer.certificate, chain: signer.chain, signer: nil, chainOrigin: nil)
        }
        report.findings.append(DiagnosticFinding(.keyMatch, .pass, "the private key signs for the certificate"))
        return LoadedIdentity(certificate: signer.certificate, chain: signer.chain, signer: signer, chainOrigin: nil)
    }

    private var keyMismatch: DiagnosticFinding {
        DiagnosticFinding(.keyMatch, .failure, "the private key does not belong to the certificate",
                          advice: "the server would answer \"Invalid signature\": give the key the certificate was issued "
                            + "for (compare `openssl x509 -noout -pubkey -in CERT` with `openssl pkey -pubout -in KEY`)")
    }

    private func describe(_ identity: LoadedIdentity, into report: inout DiagnosisReport) {
        let certificate = identity.certificate
        var facts: [(label: String, value: String)] = []
        if let source = configuration.certificate { facts.append(("certificate", Self.describe(source))) }
        if let key = configuration.privateKey { facts.append(("private key", Self.describe(key))) }
        facts += [
            ("subject", "\(certificate.subject)"),
            ("issuer", "\(certificate.issuer)"),
            ("serial", "\(certificate.serialNumber.decimalString) (hex \(certificate.serialNumber.hexString))"),
            ("key", "\(certificate.publicKey.kind)"),
            ("valid", "\(DiagnosticText.date(certificate.notBefore)) to \(DiagnosticText.date(certificate.notAfter))"),
            ("chain sent", identity.chain.isEmpty ? "none (no X-Amz-X509-Chain header)"
                : identity.chain.map { "\($0.subject)" }.joined(separator: "; ")),
        ]
        if let origin = identity.chainOrigin, !identity.chain.isEmpty { facts.append(("chain from", Self.describe(origin))) }
        if let signer = identity.signer { facts.append(("signing algorithm", signer.algorithm)) }
        report.facts += facts
    }

    private static func describe(_ source: CertificateSource) -> String {
        switch source {
        case .file(let path): path
        case .pkcs11(let uri): uri
        case .inMemory(let memory): memory.origin
        }
    }

    private static func describe(_ source: PrivateKeySource) -> String {
        switch source {
        case .file(let path): path
        case .pkcs11(let uri): uri
        case .tpmHandle(let handle): handle
        case .inMemory(let memory): memory.origin
        }
    }

    private static func describe(_ origin: FileIdentity.ChainOrigin) -> String {
        switch origin {
        case .none: "nothing to send"
        case .intermediates: "--intermediates"
        case .certificateBundle: "the other certificates of the certificate file"
        case .pkcs12: "the PKCS#12 file (all its certificates, end entity first)"
        }
    }

    /// Signs the request as `credential-process` would, rebuilds the canonical request from what
    /// would go on the wire (as the server does), and checks the signature over it.
    private func buildRequest(signer: any CredentialSigner, target: SessionTarget, at now: Date,
                              into report: inout DiagnosisReport) -> HTTPClient.Request? {
        let builder = CreateSessionRequestBuilder(configuration: configuration, target: target)
        let request: HTTPClient.Request
        do {
            (request, _) = try builder.request(signer: signer, date: now, invocationID: UUID().uuidString.lowercased(),
                                               attempt: 1, maxAttempts: 1)
        } catch {
            report.findings.append(DiagnosticFinding(.requestSignature, .failure, error.message))
            return nil
        }
        let query = request.url.firstIndex(of: "?").map { String(request.url[request.url.index(after: $0)...]) } ?? ""
        let signable = SignableRequest(method: request.method, path: "/sessions", rawQuery: query,
                                       headers: request.headers, body: request.body)
        guard let authorizationText = signable.header("Authorization"),
              let authorization = try? AuthorizationHeader.parse(authorizationText),
              let stringToSign = try? StringToSign(request: signable, authorization: authorization) else {
            report.findings.append(DiagnosticFinding(.requestSignature, .failure, "the signed request cannot be read back"))
            return nil
        }
        report.request = RequestPreview(method: request.method, url: request.url,
                                        canonicalRequest: stringToSign.canonicalRequest.text,
                                        stringToSign: stringToSign.text, authorization: authorizationText)
        if let signature = Hex.decode(authorization.signature),
           signer.certificate.publicKey.isValidSignature(signature, for: stringToSign.bytes) {
            report.findings.append(DiagnosticFinding(.requestSignature, .pass,
                                                     "the request signature verifies with the certificate's public key"))
        } else {
            report.findings.append(DiagnosticFinding(.requestSignature, .failure,
                                                     "the request signature does not verify with the certificate's public key",
                                                     advice: "the key signs, but not for this certificate; the server would answer \"Invalid signature\""))
        }
        return request
    }

    /// Sends the request once (no retries: the answer itself is what is wanted) and explains it.
    private func call(_ request: HTTPClient.Request, endpoint: SessionEndpoint) -> DiagnosticFinding {
        let options = CreateSessionClient(configuration: configuration, transport: transport).httpOptions
        let response: HTTPClient.Response
        do {
            response = try transport.send(request, options: options)
        } catch {
            return DiagnosticFinding(.serverCall, .failure, "no answer from \(endpoint.sessionsURL(query: "")): \(error.message)",
                                     advice: ServiceAnswerExplainer.explain(error, endpoint: endpoint.sessionsURL(query: "")))
        }
        if (200..<300).contains(response.status) {
            do {
                let credentials = try CreateSessionClient.decodeCredentials(response)
                return DiagnosticFinding(.serverCall, .pass, "HTTP \(response.status): the server issued credentials "
                    + "(access key \(credentials.accessKeyId), expiring \(credentials.expiration))")
            } catch {
                return DiagnosticFinding(.serverCall, .failure, "HTTP \(response.status) with an unusable body: \(error.message)",
                                         advice: "--endpoint may point at something other than a Roles Anywhere server")
            }
        }
        let failure = ServiceFailureDecoder.decode(response)
        guard case .service(let service) = failure.code else {
            return DiagnosticFinding(.serverCall, .failure, "HTTP \(response.status): \(failure.detail)",
                                     advice: "the answer is not a Roles Anywhere error (the body is not JSON): --endpoint may "
                                        + "point at another kind of server, or a proxy answered")
        }
        let code = service.errorCode.isEmpty ? "UnknownError" : service.errorCode
        return DiagnosticFinding(.serverCall, .failure,
                                 "HTTP \(service.statusCode) \(code): \(service.errorMessage ?? "(no message)")",
                                 advice: ServiceAnswerExplainer.explain(service))
    }
}
