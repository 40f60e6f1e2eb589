import RACore
import Testing
import RAUpstream

@Suite struct UpstreamFailureMappingTests {
    @Test(arguments: [
        (UpstreamCallError.Kind.rejected, "AccessDenied", ServiceFailure.Code.accessDenied,
         "The upstream STS denied the request for credentials (AccessDenied)."),
        (.rejected, "PackedPolicyTooLarge", .validation, "The upstream STS rejected the session request (PackedPolicyTooLarge)."),
        (.rejected, "ValidationError", .validation, "The upstream STS rejected the session request (ValidationError)."),
        (.rejected, "InvalidClientTokenId", .internalFailure, "The server could not authenticate to the upstream STS (InvalidClientTokenId)."),
        (.rejected, "ExpiredToken", .internalFailure, "The server could not authenticate to the upstream STS (ExpiredToken)."),
        (.rejected, "NoSuchThing", .internalFailure, "The upstream STS refused the request for credentials (NoSuchThing)."),
        (.throttled, "Throttling", .throttling, "The upstream STS is throttling requests (Throttling); retry later."),
        (.unavailable, "ServiceUnavailable", .internalFailure,
         "The upstream STS is unavailable (ServiceUnavailable); unable to obtain credentials."),
    ] as [(UpstreamCallError.Kind, String, ServiceFailure.Code, String)])
    func mapsUpstreamCodes(kind: UpstreamCallError.Kind, code: String, expected: ServiceFailure.Code, message: String) {
        let error = UpstreamCallError(kind: kind, service: "STS", action: "AssumeRole", upstreamCode: code,
                                      upstreamMessage: "details", httpStatus: 400, requestId: "r-1", attempts: 1)
        let failure = error.serviceFailure(notes: ["a note"])
        #expect(failure.code == expected)
        #expect(failure.message == message)
        #expect(failure.reason == "upstream STS AssumeRole failed: \(code): details (HTTP 400, request r-1, 1 attempt); a note")
    }

    @Test func transportFailuresNameTheDetailAndAttempts() {
        let error = UpstreamCallError(kind: .unreachable, service: "STS", action: "AssumeRole", attempts: 3,
                                      detail: "Couldn't connect to server")
        let failure = error.serviceFailure()
        #expect(failure.code == .internalFailure)
        #expect(failure.message == "The upstream STS is unreachable; unable to obtain credentials.")
        #expect(failure.reason == "upstream STS AssumeRole failed: Couldn't connect to server (3 attempts)")
        #expect(error.isTransient)
    }

    @Test(arguments: [
        (UpstreamCallError.Kind.unreachable, true), (.throttled, true), (.unavailable, true), (.tlsFailure, false),
        (.rejected, false), (.malformedResponse, false), (.invalidRequest, false),
    ])
    func onlyTransientKindsAreRetried(kind: UpstreamCallError.Kind, transient: Bool) {
        #expect(UpstreamCallError(kind: kind, service: "STS", action: "AssumeRole").isTransient == transient)
    }
}
