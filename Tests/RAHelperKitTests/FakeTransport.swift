import Synchronization
import RAHTTPClient
@testable import RAHelperKit

/// Records every request and answers from a script, so the CreateSession client is tested without sockets.
final class FakeTransport: HTTPTransport {
    enum Answer: Sendable {
        case response(HTTPClient.Response)
        case failure(HTTPClientError)
    }

    private let state: Mutex<(answers: [Answer], requests: [HTTPClient.Request], options: [HTTPClient.Options])>

    init(_ answers: [Answer]) {
        state = Mutex((answers, [], []))
    }

    convenience init(status: Int, headers: [(name: String, value: String)] = [], body: String) {
        self.init([.response(HTTPClient.Response(status: status, headers: headers, body: Array(body.utf8)))])
    }

    var requests: [HTTPClient.Request] { state.withLock { $0.requests } }
    var options: [HTTPClient.Options] { state.withLock { $0.options } }

    func send(_ request: HTTPClient.Request, options: HTTPClient.Options) throws(HTTPClientError) -> HTTPClient.Response {
        let answer: Answer = state.withLock { state in
            state.requests.append(request)
            state.options.append(options)
            guard !state.answers.isEmpty else {
                return .failure(HTTPClientError(kind: .invalidRequest, message: "no scripted answer left"))
            }
            return state.answers.removeFirst()
        }
        switch answer {
        case .response(let response): return response
        case .failure(let error): throw error
        }
    }
}

extension HTTPClient.Request {
    /// Header values by exact name, for assertions.
    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}
