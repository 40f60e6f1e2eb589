import Foundation
import RACore
import RAHTTP
import RATestSupport
import Testing

extension TestWorld {
    /// Runs one request through the CreateSession use case, as the server's controller does.
    func send(_ request: HTTPRequest, clock: (any Clock)? = nil) -> Result<CreateSessionResult, ServiceFailure> {
        service(clock: clock).handle(CreateSessionRequest(request))
    }

    /// The successful result, or a recorded test failure naming the refusal.
    func granted(_ request: HTTPRequest, sourceLocation: SourceLocation = #_sourceLocation) throws -> CreateSessionResult {
        switch send(request) {
        case .success(let result): return result
        case .failure(let failure):
            Issue.record("expected a session, got \(failure.code.rawValue) '\(failure.message)' (\(failure.reason))",
                         sourceLocation: sourceLocation)
            throw failure
        }
    }

    /// The refusal, or a recorded test failure when the request was granted.
    func refused(_ request: HTTPRequest, sourceLocation: SourceLocation = #_sourceLocation) throws -> ServiceFailure {
        switch send(request) {
        case .success(let result):
            Issue.record("expected a refusal, got a session for \(result.grant.assumedRoleArn)", sourceLocation: sourceLocation)
            throw TestSupportError("request was granted")
        case .failure(let failure): return failure
        }
    }
}

extension Result {
    var failureValue: Failure? {
        if case .failure(let failure) = self { failure } else { nil }
    }
}

/// Session tags; Swift Testing also exports a `Tag`.
typealias Tag = RACore.Tag
