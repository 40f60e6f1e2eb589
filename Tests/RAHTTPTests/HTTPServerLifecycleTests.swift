import Foundation
import RAHTTP
import RAHTTPClient
import RAHTTPServer
import Synchronization
import Testing

@Suite("HTTPServer binding, concurrency and shutdown")
struct HTTPServerLifecycleTests {
    let client = HTTPClient()

    @Test func manyConcurrentRequestsAreAllAnswered() throws {
        let server = try TestServer()
        let failures = Mutex<[String]>([])
        let group = DispatchGroup()
        for thread in 0..<8 {
            group.enter()
            let worker = Thread {
                defer { group.leave() }
                for index in 0..<25 {
                    let target = "/t\(thread)/r\(index)?q=\(thread * 100 + index)"
                    do {
                        let response = try HTTPClient().send(.init(method: "POST", url: server.url(target),
                                                                   body: Array(target.utf8)), options: direct)
                        if response.status != 200 || response.body != Array(target.utf8)
                            || response.header("X-Echo-URI") != target {
                            failures.withLock { $0.append("\(target): status \(response.status)") }
                        }
                    } catch {
                        failures.withLock { $0.append("\(target): \(error)") }
                    }
                }
            }
            worker.start()
        }
        #expect(group.wait(timeout: .now() + 120) == .success)
        #expect(failures.withLock { $0 } == [])
        #expect(server.echo.count == 200)
        server.server.stop()
    }

    @Test func servesOnIPv6Loopback() throws {
        let server = try TestServer(host: "::1")
        #expect(server.url("/v6") == "http://[::1]:\(server.port)/v6")
        let response = try client.send(.init(method: "GET", url: server.url("/v6")), options: direct)
        #expect(response.status == 200)
        #expect(server.echo.last?.remoteAddress == "::1")
        #expect(server.echo.last?.header("Host") == "[::1]:\(server.port)")
    }

    @Test func ipv6LoopbackDoesNotAcceptIPv4() throws {
        let server = try TestServer(host: "::1")
        #expect(throws: HTTPClientError.self) {
            try client.send(.init(method: "GET", url: "http://127.0.0.1:\(server.port)/"), options: direct)
        }
    }

    @Test func dualStackAcceptsBothFamilies() throws {
        let server = try TestServer(host: "::")
        _ = try client.send(.init(method: "GET", url: "http://127.0.0.1:\(server.port)/four"), options: direct)
        #expect(server.echo.last?.remoteAddress == "127.0.0.1")
        _ = try client.send(.init(method: "GET", url: "http://[::1]:\(server.port)/six"), options: direct)
        #expect(server.echo.last?.remoteAddress == "::1")
    }

    @Test func stopClosesThePortAndIsIdempotent() throws {
        let server = try TestServer()
        let port = server.port
        #expect(try client.send(.init(method: "GET", url: server.url("/")), options: direct).status == 200)
        server.server.stop()
        server.server.stop()
        #expect(server.port == port)
        do {
            _ = try client.send(.init(method: "GET", url: "http://127.0.0.1:\(port)/"), options: direct)
            Issue.record("request after stop() succeeded")
        } catch {
            #expect(error.kind == .couldNotConnect)
        }
    }

    @Test func restartAfterStopServesAgain() throws {
        let server = try TestServer()
        server.server.stop()
        try server.server.start()
        try server.server.start()
        #expect(try client.send(.init(method: "GET", url: server.url("/again")), options: direct).status == 200)
    }

    @Test func portInUseIsReportedWithTheAddress() throws {
        let first = try TestServer()
        let second = try HTTPServer(configuration: .init(host: "127.0.0.1", port: first.port), responder: EchoResponder())
        #expect(throws: HTTPServerError(.listenFailed,
                                        "could not listen on 127.0.0.1:\(first.port): address already in use")) {
            try second.start()
        }
    }

    struct BadConfiguration: Sendable, CustomTestStringConvertible {
        let configuration: HTTPServer.Configuration
        let message: String
        var testDescription: String { message }
    }

    static let badConfigurations: [BadConfiguration] = [
        BadConfiguration(configuration: .init(host: "localhost"),
                         message: #"listen address "localhost" is not an IPv4 or IPv6 literal"#),
        BadConfiguration(configuration: .init(threadCount: 0), message: "thread count 0 is not in 1...256"),
        BadConfiguration(configuration: .init(maxBodyBytes: -1), message: "maximum body size -1 is negative"),
        BadConfiguration(configuration: .init(tls: .init(certificatePEM: "nope", privateKeyPEM: "nope")),
                         message: "the TLS certificate is not PEM text"),
    ]

    @Test(arguments: badConfigurations)
    func invalidConfigurationIsRejectedUpFront(_ bad: BadConfiguration) {
        do {
            _ = try HTTPServer(configuration: bad.configuration, responder: EchoResponder())
            Issue.record("accepted")
        } catch {
            #expect(error.description == bad.message)
        }
    }
}

extension HTTPServerError: Equatable {
    public static func == (lhs: HTTPServerError, rhs: HTTPServerError) -> Bool {
        lhs.kind == rhs.kind && lhs.message == rhs.message
    }
}
