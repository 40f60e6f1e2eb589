import Foundation
import RAHTTP
import RAWire
import Synchronization

/// An IMDSv2 built on the fake upstream: token by PUT, then role name, then credentials JSON,
/// each GET refused without the token, as EC2 does when IMDSv2 is required.
final class FakeIMDS: Sendable {
    let upstream: FakeUpstream
    private let box: Box

    private final class Box: Sendable {
        let state: Mutex<State>
        init(_ state: State) { self.state = Mutex(state) }
    }

    struct State: Sendable {
        var role: String? = "web-server"
        var accessKeyId = "ASIAIMDS0001"
        var expiration: Date
        var credentialFetches = 0
        var failCredentials = false
        /// Time each credentials answer takes, to widen races in concurrency tests.
        var delay: TimeInterval = 0
    }

    static let token = "imds-session-token-AQAEAFGH"

    init(expiration: Date) throws {
        let box = Box(State(expiration: expiration))
        self.box = box
        upstream = try FakeUpstream { request, _ in FakeIMDS.answer(request, box.state) }
    }

    var url: String { upstream.url }
    var credentialFetches: Int { box.state.withLock { $0.credentialFetches } }

    func update(_ change: (inout State) -> Void) { box.state.withLock { change(&$0) } }

    private static func answer(_ request: HTTPRequest, _ state: borrowing Mutex<State>) -> HTTPResponse {
        if request.method == "PUT" && request.path == "/latest/api/token" {
            guard request.header("X-aws-ec2-metadata-token-ttl-seconds") == "21600" else { return HTTPResponse(status: 400) }
            return HTTPResponse(status: 200, contentType: "text/plain", body: token)
        }
        guard request.method == "GET" else { return HTTPResponse(status: 405) }
        guard request.header("X-aws-ec2-metadata-token") == token else { return HTTPResponse(status: 401) }
        let snapshot = state.withLock { $0 }
        let prefix = "/latest/meta-data/iam/security-credentials/"
        if request.path == prefix {
            guard let role = snapshot.role else { return HTTPResponse(status: 404) }
            return HTTPResponse(status: 200, contentType: "text/plain", body: role + "\n")
        }
        guard let role = snapshot.role, request.path == prefix + role else { return HTTPResponse(status: 404) }
        let current = state.withLock { state -> State in
            state.credentialFetches += 1
            return state
        }
        if current.delay > 0 { Thread.sleep(forTimeInterval: current.delay) }
        if current.failCredentials { return HTTPResponse(status: 500) }
        let body = """
            {"Code":"Success","LastUpdated":"2030-01-01T00:00:00Z","Type":"AWS-HMAC","AccessKeyId":"\(current.accessKeyId)",\
            "SecretAccessKey":"imds-secret","Token":"imds-token","Expiration":"\(RFC3339.format(current.expiration))"}
            """
        return HTTPResponse(status: 200, contentType: "application/json", body: body)
    }
}
