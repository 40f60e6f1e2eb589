import RAHTTP
import RAHTTPClient
import RAHTTPServer

/// The AWS-shaped answer the tests configure for bodies over the cap.
let oversizedResponse = HTTPResponse(status: 413, contentType: "application/json",
                                     body: #"{"message":"Request body too large"}"#,
                                     headers: [("X-Amzn-ErrorType", "ValidationException")])

/// A started echo server on an ephemeral port, stopped when the test drops it.
struct TestServer {
    let server: HTTPServer
    let echo: EchoResponder
    let scheme: String
    let urlHost: String

    init(host: String = "127.0.0.1", tls: HTTPServer.TLS? = nil, threadCount: Int = 4,
         maxBodyBytes: Int = 1 << 20) throws {
        echo = EchoResponder()
        server = try HTTPServer(configuration: .init(host: host, port: 0, tls: tls, threadCount: threadCount,
                                                     maxBodyBytes: maxBodyBytes),
                                responder: echo)
        try server.start()
        scheme = tls == nil ? "http" : "https"
        urlHost = host.contains(":") ? "[\(host)]" : host
    }

    var port: UInt16 { server.port }

    func url(_ target: String) -> String { "\(scheme)://\(urlHost):\(server.port)\(target)" }
}

/// Options that never pick up a proxy from the test machine's environment.
let direct = HTTPClient.Options(timeoutSeconds: 20, useEnvironmentProxy: false)
