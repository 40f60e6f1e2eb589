import RAHTTP
import RAHTTPClient
import RAHTTPServer
import Testing

@Suite("HTTPServer enforces size limits and keeps serving")
struct HTTPServerLimitsTests {
    let client = HTTPClient()

    @Test func bodyAtTheCapIsAccepted() throws {
        let server = try TestServer()
        let body = [UInt8](repeating: 0x61, count: 1 << 20)
        let response = try client.send(.init(method: "POST", url: server.url("/big"), body: body), options: direct)
        #expect(response.status == 200)
        #expect(response.header("X-Echo-Body-Length") == "1048576")
        #expect(server.echo.last?.body.count == 1 << 20)
    }

    @Test func bodyOverTheCapGetsTheOversizedResponseAndTheServerGoesOn() throws {
        let server = try TestServer()
        let body = [UInt8](repeating: 0x62, count: (1 << 20) + 1)
        let response = try client.send(.init(method: "POST", url: server.url("/sessions"), body: body), options: direct)
        #expect(response.status == 413)
        #expect(response.body == Array(#"{"message":"Request body too large"}"#.utf8))
        #expect(response.header("X-Amzn-ErrorType") == "ValidationException")
        #expect(response.header("Connection") == "close")
        #expect(server.echo.count == 0)
        let handedOver = server.echo.oversized.withLock { $0 }
        #expect(handedOver.count == 1)
        #expect(handedOver.first?.limit == 1 << 20)
        #expect(handedOver.first?.request.rawURI == "/sessions")
        #expect(handedOver.first?.request.method == "POST")
        #expect(handedOver.first?.request.body.isEmpty == true)

        let next = try client.send(.init(method: "POST", url: server.url("/sessions"), body: [1, 2, 3]), options: direct)
        #expect(next.status == 200)
        #expect(next.body == [1, 2, 3])
    }

    @Test func announcedOversizedBodyWithExpectContinueIsRefusedBeforeItIsSent() throws {
        let server = try TestServer()
        let connection = try RawHTTPConnection(port: server.port)
        try connection.send("PUT /x HTTP/1.1\r\nHost: t\r\nContent-Length: 2000000\r\nExpect: 100-continue\r\n\r\n")
        let reply = try connection.readReply()
        #expect(reply.statusCode == 413)
        #expect(reply.header("Connection") == "close")
        #expect(connection.peerClosed())
        #expect(server.echo.count == 0)
    }

    @Test func oversizedChunkedBodyIsDiscardedNotBuffered() throws {
        let server = try TestServer(maxBodyBytes: 10)
        let connection = try RawHTTPConnection(port: server.port)
        try connection.send("POST /x HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "8\r\n12345678\r\n8\r\n12345678\r\n0\r\n\r\n")
        let reply = try connection.readReply()
        #expect(reply.statusCode == 413)
        #expect(reply.header("Connection") == "close")
        #expect(connection.peerClosed())
        #expect(server.echo.count == 0)
        let next = try client.send(.init(method: "POST", url: server.url("/y"), body: Array("0123456789".utf8)),
                                   options: direct)
        #expect(next.status == 200)
    }

    @Test func headerBlockOf64KiBIsAccepted() throws {
        let server = try TestServer()
        let value = String(repeating: "A", count: 64 << 10)
        let response = try client.send(.init(method: "GET", url: server.url("/"), headers: [("X-Amz-X509-Chain", value)]),
                                       options: direct)
        #expect(response.status == 200)
        #expect(server.echo.last?.header("X-Amz-X509-Chain") == value)
    }

    @Test func headerBlockOverTheMemoryLimitIsRefusedAndTheServerGoesOn() throws {
        let server = try TestServer()
        let connection = try RawHTTPConnection(port: server.port)
        try connection.send("GET / HTTP/1.1\r\nHost: t\r\nX-Big: \(String(repeating: "B", count: 200 << 10))\r\n\r\n")
        let reply = try connection.readReply()
        #expect(reply.statusCode == 431)
        #expect(server.echo.count == 0)
        let next = try client.send(.init(method: "GET", url: server.url("/after")), options: direct)
        #expect(next.status == 200)
        #expect(next.header("X-Echo-URI") == "/after")
    }

    @Test func announcedBodyBeyondTheDrainAllowanceIsRefusedAtOnce() throws {
        let server = try TestServer(maxBodyBytes: 10)
        let connection = try RawHTTPConnection(port: server.port)
        try connection.send("POST /x HTTP/1.1\r\nHost: t\r\nContent-Length: \(10 + (8 << 20) + 1)\r\n\r\n")
        let reply = try connection.readReply()
        #expect(reply.statusCode == 413)
        #expect(reply.header("Connection") == "close")
        #expect(server.echo.count == 0)
    }

    @Test func streamingBeyondTheDrainAllowanceIsCutOff() throws {
        let server = try TestServer(maxBodyBytes: 10)
        let connection = try RawHTTPConnection(port: server.port)
        try connection.send("POST /x HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n")
        let chunk = Array("100000\r\n".utf8) + [UInt8](repeating: 0x7A, count: 1 << 20) + Array("\r\n".utf8)
        var sent = 0
        for _ in 0..<12 {
            do {
                try connection.send(chunk)
                sent += 1
            } catch {
                break
            }
        }
        #expect(sent >= 8)
        #expect(throws: RawHTTPConnection.Failure.self) { try connection.readReply() }
        #expect(server.echo.count == 0)
        let next = try client.send(.init(method: "GET", url: server.url("/still-up")), options: direct)
        #expect(next.status == 200)
    }
}
