import Foundation
import RAHTTPClient
import RAWire
@testable import RAHelperKit

/// CreateSession answers and providers wired to a `FakeTransport`, on a hand-moved clock.
enum ProviderFixture {
    static let start = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z
    static let secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEY"
    static let sessionToken = "FwoGZXIvYXdzEXAMPLESESSIONTOKEN+/="

    static let configuration = CredentialsConfiguration(
        certificate: .file(path: "unused"),
        trustAnchorArn: "arn:aws:rolesanywhere:us-east-1:123456789012:trust-anchor/a",
        profileArn: "arn:aws:rolesanywhere:us-east-1:123456789012:profile/p",
        roleArn: "arn:aws:iam::123456789012:role/edge", endpoint: "https://localhost:8443", sessionDuration: 900)

    /// A 201 with one credential set expiring at `expiration`.
    static func issued(_ accessKeyId: String, expiring expiration: Date) -> FakeTransport.Answer {
        let body = """
            {"credentialSet":[{"credentials":{"accessKeyId":"\(accessKeyId)","expiration":"\(RFC3339.format(expiration))",\
            "secretAccessKey":"\(secret)","sessionToken":"\(sessionToken)"},"roleArn":"arn:aws:iam::123456789012:role/edge"}],\
            "subjectArn":"arn:aws:rolesanywhere:us-east-1:123456789012:subject/s"}
            """
        return .response(HTTPClient.Response(status: 201, headers: [], body: Array(body.utf8)))
    }

    /// The server is down: a 503 (transient).
    static let unavailable = FakeTransport.Answer.response(HTTPClient.Response(
        status: 503, headers: [("X-Amzn-ErrorType", "ServiceUnavailableException")], body: Array(#"{"message":"down"}"#.utf8)))

    /// The service refuses the certificate: a 403 (permanent).
    static let refused = FakeTransport.Answer.response(HTTPClient.Response(
        status: 403, headers: [("X-Amzn-ErrorType", "AccessDeniedException")],
        body: Array(#"{"message":"Untrusted Signing Certificate"}"#.utf8)))

    /// A provider whose every attempt is one request to `transport` (no SDK-level retries), with
    /// jitter pinned to its maximum so backoff delays are exact.
    static func provider(_ transport: any HTTPTransport, clock: ProviderManualClock,
                         policy: RefreshPolicy = RefreshPolicy(), logger: HelperLogger = .disabled) throws -> CredentialProvider {
        let pki = try TestIdentity()
        let signer = try FileCredentialSigner(certificate: pki.leaf, privateKey: pki.leafKey)
        let client = CreateSessionClient(configuration: configuration, transport: transport, maxAttempts: 1, log: nil,
                                         clock: { clock.now }, sleep: { _ in }, invocationID: { "test" })
        return CredentialProvider(policy: policy, logger: logger, clock: clock, random: { 1 },
                                  fetch: { () throws(HelperError) in try client.credentials(using: signer) })
    }
}

/// Holds every request for `delay` seconds before passing it on, so concurrent callers pile up
/// behind the one CreateSession call in flight.
final class SlowTransport: HTTPTransport {
    let inner: FakeTransport
    let delay: Double

    init(_ inner: FakeTransport, delay: Double) {
        self.inner = inner
        self.delay = delay
    }

    func send(_ request: HTTPClient.Request, options: HTTPClient.Options) throws(HTTPClientError) -> HTTPClient.Response {
        Thread.sleep(forTimeInterval: delay)
        return try inner.send(request, options: options)
    }
}
