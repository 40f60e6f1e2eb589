#if canImport(Glibc)
import Glibc
#endif
import RAHTTP
import RAHTTPClient
import RAHTTPServer
import Testing

@Suite("HTTPClient errors and limits")
struct HTTPClientTests {
    let client = HTTPClient()

    /// A port nothing listens on: bound, then closed.
    private func closedPort() throws -> UInt16 {
        let server = try TestServer()
        let port = server.port
        server.server.stop()
        return port
    }

    @Test func connectionRefusedNamesTheProblem() throws {
        let port = try closedPort()
        do {
            _ = try client.send(.init(method: "GET", url: "http://127.0.0.1:\(port)/"), options: direct)
            Issue.record("connected to a closed port")
        } catch {
            #expect(error.kind == .couldNotConnect)
            #expect(error.curlCode == 7)
            #expect(error.message.hasPrefix("Couldn't connect to server: Failed to connect to 127.0.0.1 port \(port)"))
        }
    }

    struct InvalidRequest: Sendable, CustomTestStringConvertible {
        let request: HTTPClient.Request
        let message: String
        var testDescription: String { message }
    }

    static let invalidRequests: [InvalidRequest] = [
        InvalidRequest(request: .init(method: "GET", url: "http://127.0.0.1:1/", headers: [("X-A", "1\r\nX-Injected: 1")]),
                       message: "value of header X-A contains a line break"),
        InvalidRequest(request: .init(method: "GET", url: "http://127.0.0.1:1/", headers: [("Bad Name", "1")]),
                       message: #"header name "Bad Name" is not a valid token"#),
        InvalidRequest(request: .init(method: "GE T", url: "http://127.0.0.1:1/"),
                       message: #"HTTP method "GE T" is not a valid token"#),
        InvalidRequest(request: .init(method: "GET", url: "http://127.0.0.1:1/a b"),
                       message: "URL is empty or contains spaces or control characters"),
    ]

    @Test(arguments: invalidRequests)
    func malformedRequestsAreRejectedBeforeSending(_ invalid: InvalidRequest) {
        do {
            _ = try client.send(invalid.request, options: direct)
            Issue.record("sent")
        } catch {
            #expect(error.kind == .invalidRequest)
            #expect(error.message == invalid.message)
        }
    }

    @Test func nonHTTPSchemesAreRefused() {
        do {
            _ = try client.send(.init(method: "GET", url: "file:///etc/passwd"), options: direct)
            Issue.record("file URL fetched")
        } catch {
            #expect(error.kind == .invalidRequest)
            #expect(error.curlCode == 1)
        }
    }

    @Test func responseLargerThanTheLimitFails() throws {
        let server = try TestServer()
        var options = direct
        options.maxResponseBytes = 100
        do {
            _ = try client.send(.init(method: "POST", url: server.url("/"), body: [UInt8](repeating: 1, count: 101)),
                                options: options)
            Issue.record("oversized response accepted")
        } catch {
            #expect(error.kind == .responseTooLarge)
            #expect(error.message == "response body exceeds 100 bytes")
        }
        options.maxResponseBytes = 101
        #expect(try client.send(.init(method: "POST", url: server.url("/"), body: [UInt8](repeating: 1, count: 101)),
                                options: options).body.count == 101)
    }

    @Test func responseHeadersKeepOrderAndSpelling() throws {
        let server = try TestServer()
        let response = try client.send(.init(method: "GET", url: server.url("/h")), options: direct)
        let names = response.headers.map(\.name).filter { $0.hasPrefix("X-Echo") || $0 == "Content-Type" }
        #expect(names == ["Content-Type", "X-Echo-Method", "X-Echo-URI", "X-Echo-Remote", "X-Echo-Body-Length"])
    }

    @Test func timeoutIsReported() throws {
        struct Slow: Responder {
            func respond(to request: HTTPRequest) -> HTTPResponse {
                usleep(2_500_000)
                return HTTPResponse(status: 200)
            }
        }
        let server = try HTTPServer(configuration: .init(), responder: Slow())
        try server.start()
        var options = direct
        options.timeoutSeconds = 1
        do {
            _ = try client.send(.init(method: "GET", url: "http://127.0.0.1:\(server.port)/"), options: options)
            Issue.record("no timeout")
        } catch {
            #expect(error.kind == .timedOut)
            #expect(error.message.hasPrefix("Timeout was reached: Operation timed out after"))
        }
    }
}
