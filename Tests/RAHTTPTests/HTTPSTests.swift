import RAHTTP
import RAHTTPClient
import RAHTTPServer
import Testing

@Suite("HTTPS with a self-signed EC P-256 certificate")
struct HTTPSTests {
    let client = HTTPClient()

    private func httpsServer(host: String = "127.0.0.1") throws -> (TestServer, SelfSignedCertificate) {
        let certificate = try SelfSignedCertificate.shared.get()
        let server = try TestServer(host: host, tls: .init(certificatePEM: certificate.certificatePEM,
                                                           privateKeyPEM: certificate.privateKeyPEM))
        return (server, certificate)
    }

    @Test func clientTrustingTheCertificateGetsThrough() throws {
        let (server, certificate) = try httpsServer()
        var options = direct
        options.caBundlePath = certificate.certificatePath
        let response = try client.send(.init(method: "POST", url: server.url("/sessions?a=%2F"), body: [7]), options: options)
        #expect(response.status == 200)
        #expect(response.body == [7])
        #expect(server.echo.last?.rawURI == "/sessions?a=%2F")
    }

    @Test func ipv6HTTPSWorks() throws {
        let (server, certificate) = try httpsServer(host: "::1")
        var options = direct
        options.caBundlePath = certificate.certificatePath
        #expect(try client.send(.init(method: "GET", url: server.url("/")), options: options).status == 200)
    }

    @Test func clientWithoutTheCARefuses() throws {
        let (server, _) = try httpsServer()
        do {
            _ = try client.send(.init(method: "GET", url: server.url("/")), options: direct)
            Issue.record("untrusted certificate accepted")
        } catch {
            #expect(error.kind == .tls)
            #expect(error.curlCode == 60)
            #expect(error.message.hasPrefix("SSL peer certificate or SSH remote key was not OK: SSL certificate problem"))
        }
        #expect(server.echo.count == 0)
    }

    @Test func verificationOffAcceptsAnyCertificate() throws {
        let (server, _) = try httpsServer()
        var options = direct
        options.verifyTLS = false
        #expect(try client.send(.init(method: "GET", url: server.url("/")), options: options).status == 200)
    }

    @Test func plainHTTPToTheTLSPortFails() throws {
        let (server, _) = try httpsServer()
        #expect(throws: HTTPClientError.self) {
            try client.send(.init(method: "GET", url: "http://127.0.0.1:\(server.port)/"), options: direct)
        }
    }

    struct VersionCase: Sendable, CustomTestStringConvertible {
        let priorities: String
        let flag: String
        let accepted: Bool
        var testDescription: String { "\(flag) against \(priorities)" }
    }

    static let versionCases: [VersionCase] = [
        VersionCase(priorities: HTTPServer.TLS.modernPriorities, flag: "-tls1", accepted: false),
        VersionCase(priorities: HTTPServer.TLS.modernPriorities, flag: "-tls1_1", accepted: false),
        VersionCase(priorities: HTTPServer.TLS.modernPriorities, flag: "-tls1_2", accepted: true),
        VersionCase(priorities: HTTPServer.TLS.modernPriorities, flag: "-tls1_3", accepted: true),
        // Control: GnuTLS's plain default still speaks TLS 1.1, so the probe can tell the difference.
        VersionCase(priorities: "NORMAL", flag: "-tls1_1", accepted: true),
    ]

    @Test(arguments: versionCases)
    func tlsBelow12IsRefusedByDefault(_ versionCase: VersionCase) throws {
        let certificate = try SelfSignedCertificate.shared.get()
        let server = try TestServer(tls: .init(certificatePEM: certificate.certificatePEM,
                                               privateKeyPEM: certificate.privateKeyPEM,
                                               priorities: versionCase.priorities))
        #expect(try opensslHandshakeSucceeds(port: server.port, versionFlag: versionCase.flag) == versionCase.accepted)
    }

    @Test func unusableKeyFailsStartWithATLSErrorAndReleasesThePort() throws {
        let certificate = try SelfSignedCertificate.shared.get()
        let probe = try TestServer()
        let port = probe.port
        probe.server.stop()
        let server = try HTTPServer(configuration: .init(port: port, tls: .init(
            certificatePEM: certificate.certificatePEM,
            privateKeyPEM: "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n")), responder: EchoResponder())
        do {
            try server.start()
            Issue.record("started with a broken key")
        } catch {
            #expect(error.kind == .tlsFailed)
            #expect(error.message.hasPrefix("could not start the HTTP server on 127.0.0.1:\(port): GnuTLS failed"))
        }
        // libmicrohttpd closed the listening socket it was given, so the port is free again.
        let replacement = try HTTPServer(configuration: .init(port: port), responder: EchoResponder())
        try replacement.start()
        #expect(replacement.port == port)
    }

    @Test func invalidPriorityStringFailsStartWithGnuTLSReason() throws {
        let certificate = try SelfSignedCertificate.shared.get()
        let server = try HTTPServer(configuration: .init(tls: .init(certificatePEM: certificate.certificatePEM,
                                                                    privateKeyPEM: certificate.privateKeyPEM,
                                                                    priorities: "BOGUS:+NOPE")),
                                    responder: EchoResponder())
        do {
            try server.start()
            Issue.record("started with an invalid priority string")
        } catch {
            #expect(error.kind == .tlsFailed)
            #expect(error.message.hasSuffix(": Setting priorities to `BOGUS:+NOPE' failed: The request is invalid."))
        }
    }
}
