import Foundation
import RAHTTP
import Synchronization
@testable import RAHelperKit

/// Fixed inputs for the local credential endpoints: a stub credential source, a clock moved by
/// hand, and token bytes 0, 1, 2, … so every response byte is predictable.
enum ServeFixture {
    static let now = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z
    static let roleName = "EdgeBackupRole"
    static let containerToken = "0123456789abcdef0123456789abcdef"
    /// base64 of bytes 0…127, first 100 characters.
    static let firstToken = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+P0BBQkNERUZHSElK"
    static let credentials = Credentials(accessKeyId: "ASIAEXAMPLE", expiration: "2026-01-01T01:00:00Z",
                                         secretAccessKey: "secret<&>/+", sessionToken: "token+/=")
    static let snapshot = CredentialSnapshot(credentials: credentials, expiration: now.addingTimeInterval(3600),
                                             obtainedAt: now.addingTimeInterval(-0.25))

    /// The router as `serve` builds it, with the container endpoint at `/creds`.
    static func router(source: StubCredentialSource = StubCredentialSource(), clock: StubClock = StubClock(now),
                       tokens: MetadataTokenStore = countingTokens()) -> CredentialServerRouter {
        let metadata = InstanceMetadataEndpoint(roleName: roleName, tokens: tokens, source: source, clock: { clock.now },
                                                localOffset: { _ in 3600 }, logger: .disabled)
        let container = ContainerCredentialsEndpoint(path: "/creds", authorizationToken: containerToken, source: source,
                                                     logger: .disabled)
        return CredentialServerRouter(metadata: metadata, container: container, logger: .disabled)
    }

    /// Token bytes 0, 1, 2, … for the first token; each later token starts one higher.
    static func countingTokens() -> MetadataTokenStore {
        let counter = Mutex(0)
        return MetadataTokenStore { count in
            let offset = counter.withLock { value in
                defer { value += 1 }
                return value
            }
            // Byte 0 also carries the counter's high bits, so no two of the first 65536 tokens match.
            return (0..<count).map { UInt8(truncatingIfNeeded: $0 + offset) ^ ($0 == 0 ? UInt8(truncatingIfNeeded: offset >> 8) : 0) }
        }
    }

    static func request(_ method: String, _ uri: String, _ headers: [(String, String)] = []) -> HTTPRequest {
        HTTPRequest(method: method, rawURI: uri, headers: headers.map { (name: $0.0, value: $0.1) })
    }
}

/// Hands out whatever the test put in it.
final class StubCredentialSource: CredentialSource {
    private let current: Mutex<Result<CredentialSnapshot, HelperError>>

    init(_ result: Result<CredentialSnapshot, HelperError> = .success(ServeFixture.snapshot)) {
        current = Mutex(result)
    }

    func set(_ result: Result<CredentialSnapshot, HelperError>) { current.withLock { $0 = result } }

    func cachedSnapshot() throws(HelperError) -> CredentialSnapshot {
        try current.withLock { $0 }.get()
    }
}

final class StubClock: Sendable {
    private let date: Mutex<Date>

    init(_ start: Date) { date = Mutex(start) }

    var now: Date { date.withLock { $0 } }

    func advance(by seconds: TimeInterval) { date.withLock { $0 = $0.addingTimeInterval(seconds) } }
}

/// A response flattened for exact comparison.
struct ServeResponseBytes: Equatable, CustomStringConvertible {
    var status: Int
    var headers: [String]
    var body: String

    init(_ response: HTTPResponse) {
        status = response.status
        headers = response.headers.map { "\($0.name): \($0.value)" }
        body = String(decoding: response.body, as: UTF8.self)
    }

    init(status: Int, headers: [String], body: String) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    var description: String { "\(status) \(headers) \(body.debugDescription)" }
}
