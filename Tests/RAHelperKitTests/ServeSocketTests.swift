import Foundation
import Testing
@testable import RAHelperKit

/// The endpoints on a real socket: what goes over the wire, IPv6 loopback, and the hop limit.
struct ServeSocketTests {
    typealias Fixture = ServeFixture

    static func server(listen: String = "127.0.0.1", hopLimit: Int = 64,
                       source: StubCredentialSource = StubCredentialSource()) throws -> CredentialServer {
        let options = CredentialServerOptions(listenAddress: listen, port: 0, hopLimit: hopLimit,
                                              roleArn: "arn:aws:iam::123456789012:role/\(Fixture.roleName)",
                                              container: ContainerEndpointOptions(authorizationToken: Fixture.containerToken))
        let server = try CredentialServer(options: options, source: source, logger: .disabled, clock: { Date() },
                                          localOffset: { _ in 0 }, tokens: ServeFixture.countingTokens())
        try server.start()
        return server
    }

    /// Status line and headers (minus `Date`), then the body.
    static func normalized(_ reply: String) -> String {
        reply.components(separatedBy: "\r\n").filter { !$0.hasPrefix("Date: ") }.joined(separator: "\r\n")
    }

    @Test func tokenAndCredentialsOnTheWire() throws {
        let server = try Self.server()
        defer { server.stop() }
        #expect(server.metadataEndpoint == "http://127.0.0.1:\(server.port)")
        #expect(server.containerCredentialsURI == "http://127.0.0.1:\(server.port)/creds")
        let tokenReply = try ServeRawConnection.exchange(host: "127.0.0.1", port: server.port, """
            PUT /latest/api/token HTTP/1.1\r
            Host: 127.0.0.1\r
            X-aws-ec2-metadata-token-ttl-seconds: 60\r
            Connection: close\r
            \r

            """)
        #expect(Self.normalized(tokenReply) == """
            HTTP/1.1 200 OK\r
            Connection: close\r
            Content-Type: text/plain; charset=utf-8\r
            X-Aws-Ec2-Metadata-Token-Ttl-Seconds: 60\r
            Content-Length: 100\r
            \r
            \(Fixture.firstToken)
            """)
        let credentialsReply = try ServeRawConnection.exchange(host: "127.0.0.1", port: server.port, """
            GET /latest/meta-data/iam/security-credentials/\(Fixture.roleName) HTTP/1.1\r
            Host: 127.0.0.1\r
            X-aws-ec2-metadata-token: \(Fixture.firstToken)\r
            Connection: close\r
            \r

            """)
        let body = #"{"AccessKeyId":"ASIAEXAMPLE","SecretAccessKey":"secret\u003c\u0026\u003e/+","Token":"token+/=","Code":"Success","#
            + #""Type":"AWS-HMAC","Expiration":"2026-01-01T01:00:00Z","LastUpdated":"2025-12-31T23:59:59.75Z"}"# + "\n"
        let lines = Self.normalized(credentialsReply).components(separatedBy: "\r\n")
        #expect(lines.first == "HTTP/1.1 200 OK")
        #expect(lines.contains("Content-Length: \(body.utf8.count)"))
        #expect(lines.contains("Content-Type: text/plain; charset=utf-8"))
        #expect(lines.contains { $0.hasPrefix("X-Aws-Ec2-Metadata-Token-Ttl-Seconds: 5") })
        #expect(lines.last == body)
    }

    @Test func containerEndpointOnIPv6Loopback() throws {
        let server = try Self.server(listen: "::1")
        defer { server.stop() }
        #expect(server.containerCredentialsURI == "http://[::1]:\(server.port)/creds")
        let reply = try ServeRawConnection.exchange(host: "::1", port: server.port, """
            GET /creds HTTP/1.1\r
            Host: [::1]\r
            Authorization: \(Fixture.containerToken)\r
            Connection: close\r
            \r

            """)
        #expect(Self.normalized(reply) == """
            HTTP/1.1 200 OK\r
            Connection: close\r
            Content-Type: application/json\r
            Content-Length: 116\r
            \r
            {"AccessKeyId":"ASIAEXAMPLE","SecretAccessKey":"secret<&>/+","Token":"token+/=","Expiration":"2026-01-01T01:00:00Z"}
            """)
    }

    @Test(arguments: [("127.0.0.1", 1, false), ("127.0.0.1", 7, false), ("::1", 3, true), ("127.0.0.1", 64, false)])
    func hopLimitIsSetOnTheListenerAndItsConnections(listen: String, hopLimit: Int, ipv6: Bool) throws {
        let server = try Self.server(listen: listen, hopLimit: hopLimit)
        defer { server.stop() }
        var limits: [Int32] = []
        _ = try ServeRawConnection.exchange(host: listen, port: server.port, """
            PUT /latest/api/token HTTP/1.1\r
            Host: x\r
            \r

            """, keepOpen: { _ in
                // The connection is still open (keep-alive): read the accepted socket's hop limit now.
                limits = ServeRawConnection.hopLimits(ofLocalPort: server.port, ipv6: ipv6)
                server.stop()
            })
        #expect(limits.count >= 2, "listener and accepted connection")
        #expect(limits.allSatisfy { $0 == Int32(hopLimit) }, "\(limits)")
    }

    @Test func portInUseIsReported() throws {
        let first = try Self.server()
        defer { first.stop() }
        let options = CredentialServerOptions(port: first.port, roleArn: "arn:aws:iam::1:role/r")
        let second = try CredentialServer(options: options, source: StubCredentialSource(), logger: .disabled,
                                          clock: { Date() }, localOffset: { _ in 0 }, tokens: MetadataTokenStore())
        #expect(throws: HelperError(.configuration,
                                    "failed to create listener: could not listen on 127.0.0.1:\(first.port): address already in use")) {
            try second.start()
        }
    }
}
