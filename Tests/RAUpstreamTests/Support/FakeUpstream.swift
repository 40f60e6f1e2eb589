import Foundation
import RAHTTP
import RAHTTPServer
import Synchronization

/// A loopback HTTP server answering from a closure and recording every request, standing in for
/// STS or IMDS where a test needs exact control (throttling, errors, malformed answers).
final class FakeUpstream: Sendable {
    typealias Handler = @Sendable (_ request: HTTPRequest, _ index: Int) -> HTTPResponse

    private let server: HTTPServer
    private let recorder: Recorder

    init(_ handler: @escaping Handler) throws {
        recorder = Recorder()
        server = try HTTPServer(configuration: .init(host: "127.0.0.1", port: 0, threadCount: 4),
                                responder: RecordingResponder(recorder: recorder, handler: handler))
        try server.start()
    }

    deinit { server.stop() }

    var url: String { "http://127.0.0.1:\(server.port)" }

    /// Every request so far, in arrival order.
    var requests: [HTTPRequest] { recorder.requests.withLock { $0 } }

    func stop() { server.stop() }

    /// A port on which nothing listens (bound once by the kernel, then released).
    static func closedPort() throws -> UInt16 {
        let probe = try HTTPServer(configuration: .init(host: "127.0.0.1", port: 0, threadCount: 1),
                                   responder: RecordingResponder(recorder: Recorder()) { _, _ in HTTPResponse(status: 200) })
        try probe.start()
        let port = probe.port
        probe.stop()
        return port
    }
}

private final class Recorder: Sendable {
    let requests = Mutex<[HTTPRequest]>([])
}

private struct RecordingResponder: Responder {
    let recorder: Recorder
    let handler: FakeUpstream.Handler

    func respond(to request: HTTPRequest) -> HTTPResponse {
        let index = recorder.requests.withLock { requests in
            requests.append(request)
            return requests.count - 1
        }
        return handler(request, index)
    }
}
