import RAHTTP
import RAHTTPClient
import RAHTTPServer
import Testing

@Suite("HTTPServer delivers requests intact")
struct HTTPServerRequestTests {
    let client = HTTPClient()

    @Test func postKeepsRawQueryHeadersAndBody() throws {
        let server = try TestServer()
        let body = Array(#"{"durationSeconds":3600}"#.utf8)
        let response = try client.send(.init(method: "POST", url: server.url("/sessions?b=2&a=%2F%20x"), headers: [
            ("Content-Type", "application/x-amz-json-1.0"),
            ("X-Amz-Date", "20240102T030405Z"),
            ("x-multi", "one"),
            ("X-Multi", "two"),
            ("X-Empty", ""),
        ], body: body), options: direct)

        #expect(response.status == 200)
        #expect(response.body == body)
        #expect(response.header("x-echo-uri") == "/sessions?b=2&a=%2F%20x")
        let request = try #require(server.echo.last)
        #expect(request.method == "POST")
        #expect(request.rawURI == "/sessions?b=2&a=%2F%20x")
        #expect(request.remoteAddress == "127.0.0.1")
        #expect(request.body == body)
        #expect(request.headers.map { "\($0.name): \($0.value)" } == [
            "Host: 127.0.0.1:\(server.port)",
            "Content-Type: application/x-amz-json-1.0",
            "X-Amz-Date: 20240102T030405Z",
            "x-multi: one",
            "X-Multi: two",
            "X-Empty: ",
            "Content-Length: 24",
        ])
        #expect(request.headerValues("X-MULTI") == ["one", "two"])
    }
}

extension HTTPServerRequestTests {
    struct MethodCase: Sendable, CustomTestStringConvertible {
        let method: String
        let body: String
        /// What the server must see as Content-Length (nil: header absent).
        let contentLength: String?
        var testDescription: String { "\(method) with \(body.utf8.count)-byte body" }
    }

    static let methodCases: [MethodCase] = [
        MethodCase(method: "GET", body: "", contentLength: nil),
        MethodCase(method: "HEAD", body: "", contentLength: nil),
        MethodCase(method: "DELETE", body: "", contentLength: nil),
        MethodCase(method: "POST", body: "", contentLength: "0"),
        MethodCase(method: "PUT", body: #"{"a":1}"#, contentLength: "7"),
        MethodCase(method: "PATCH", body: "x", contentLength: "1"),
        MethodCase(method: "DELETE", body: "gone", contentLength: "4"),
    ]

    @Test(arguments: methodCases)
    func methodsAndBodiesArriveAsSent(_ testCase: MethodCase) throws {
        let server = try TestServer()
        let response = try client.send(.init(method: testCase.method, url: server.url("/trustanchors/ta-1"),
                                             body: Array(testCase.body.utf8)), options: direct)
        #expect(response.status == 200)
        #expect(response.header("X-Echo-Method") == testCase.method)
        let request = try #require(server.echo.last)
        #expect(request.method == testCase.method)
        #expect(request.body == Array(testCase.body.utf8))
        #expect(request.header("Content-Length") == testCase.contentLength)
        // libcurl's defaults must not leak into signed requests.
        #expect(request.header("Accept") == nil)
        #expect(request.header("Expect") == nil)
        #expect(request.header("Content-Type") == nil)
        #expect(request.header("User-Agent") == nil)
    }

    @Test func userAgentOptionIsSentUnlessTheRequestHasOne() throws {
        let server = try TestServer()
        var options = direct
        options.userAgent = "aws_signing_helper/1.0"
        _ = try client.send(.init(method: "GET", url: server.url("/")), options: options)
        #expect(server.echo.last?.headerValues("user-agent") == ["aws_signing_helper/1.0"])
        _ = try client.send(.init(method: "GET", url: server.url("/"), headers: [("User-Agent", "mine")]), options: options)
        #expect(server.echo.last?.headerValues("user-agent") == ["mine"])
    }

    @Test func chunkedBodyIsReassembled() throws {
        let server = try TestServer()
        let connection = try RawHTTPConnection(port: server.port)
        try connection.send("POST /sessions?x=%41 HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "5\r\nhello\r\n1\r\n \r\nA\r\n0123456789\r\n0\r\n\r\n")
        let reply = try connection.readReply()
        #expect(reply.statusCode == 200)
        #expect(reply.body == Array("hello 0123456789".utf8))
        let request = try #require(server.echo.last)
        #expect(request.rawURI == "/sessions?x=%41")
        #expect(request.header("Transfer-Encoding") == "chunked")
        #expect(request.body == Array("hello 0123456789".utf8))
    }

    @Test func keepAliveConnectionServesSeveralRequests() throws {
        let server = try TestServer()
        let connection = try RawHTTPConnection(port: server.port)
        for index in 1...3 {
            try connection.send("POST /n/\(index) HTTP/1.1\r\nHost: t\r\nContent-Length: 1\r\n\r\n\(index)")
            let reply = try connection.readReply()
            #expect(reply.statusCode == 200)
            #expect(reply.header("X-Echo-URI") == "/n/\(index)")
            #expect(reply.body == Array("\(index)".utf8))
        }
        #expect(server.echo.count == 3)
    }

    @Test func responderHeadersAndStatusReachTheClient() throws {
        struct Teapot: Responder {
            func respond(to request: HTTPRequest) -> HTTPResponse {
                HTTPResponse(status: 418, contentType: "application/json", body: #"{"k":"v"}"#,
                             headers: [("x-amzn-RequestId", "r-1"), ("Content-Length", "999")])
            }
        }
        let server = try HTTPServer(configuration: .init(), responder: Teapot())
        try server.start()
        let response = try client.send(.init(method: "GET", url: "http://127.0.0.1:\(server.port)/"), options: direct)
        #expect(response.status == 418)
        #expect(response.body == Array(#"{"k":"v"}"#.utf8))
        #expect(response.header("content-type") == "application/json")
        #expect(response.header("X-Amzn-RequestId") == "r-1")
        // The transport computes the length itself; a wrong one from the application is dropped.
        #expect(response.header("Content-Length") == "9")
    }
}
