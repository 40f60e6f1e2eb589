import RAHTTP
import Synchronization

/// Records every request and answers 200 with the request echoed: method, target and peer in
/// headers, the body as the body.
final class EchoResponder: Responder {
    let received = Mutex<[HTTPRequest]>([])

    func respond(to request: HTTPRequest) -> HTTPResponse {
        received.withLock { $0.append(request) }
        return HTTPResponse(status: 200, headers: [
            ("Content-Type", "application/octet-stream"),
            ("X-Echo-Method", request.method),
            ("X-Echo-URI", request.rawURI),
            ("X-Echo-Remote", request.remoteAddress),
            ("X-Echo-Body-Length", String(request.body.count)),
        ], body: request.body)
    }

    var last: HTTPRequest? { received.withLock { $0.last } }
    var count: Int { received.withLock { $0.count } }
}
