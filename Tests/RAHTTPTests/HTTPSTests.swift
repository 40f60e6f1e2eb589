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

    @Test func unusableKeyFailsStartWithATLSError() throws {
        let certificate = try SelfSignedCertificate.shared.get()
        let server = try HTTPServer(configuration: .init(tls: .init(
            certificatePEM: certificate.certificatePEM,
            privateKeyPEM: "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n")), responder: EchoResponder())
        do {
            try server.start()
            Issue.record("started with a broken key")
        } catch {
            #expect(error.kind == .tlsFailed)
            #expect(error.message.hasPrefix("could not start the HTTP server on 127.0.0.1:"))
        }
    }
}
