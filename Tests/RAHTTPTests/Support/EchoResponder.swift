import RAHTTP
import Synchronization

/// Records every request and answers 200 with the request echoed: method, target and peer in
/// headers, the body as the body.
final class EchoResponder: Responder {
    let received = Mutex<[HTTPRequest]>([])
    let oversized = Mutex<[(request: HTTPRequest, limit: Int)]>([])

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

    /// Records the headers-only request the transport hands over, and answers the AWS-shaped 413.
    func respondToOversizedBody(_ request: HTTPRequest, limit: Int) -> HTTPResponse {
        oversized.withLock { $0.append((request, limit)) }
        return oversizedResponse
    }

    var last: HTTPRequest? { received.withLock { $0.last } }
    var count: Int { received.withLock { $0.count } }
}
