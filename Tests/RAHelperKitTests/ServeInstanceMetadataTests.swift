import Foundation
import Testing
import RAHTTP
@testable import RAHelperKit

/// Every IMDS answer byte for byte: status, headers in order, body.
struct ServeInstanceMetadataTests {
    typealias Fixture = ServeFixture
    static let text = "Content-Type: text/plain; charset=utf-8"
    static let ttl = "X-Aws-Ec2-Metadata-Token-Ttl-Seconds"

    static let credentialsDocument = #"{"AccessKeyId":"ASIAEXAMPLE","SecretAccessKey":"secret\u003c\u0026\u003e/+","Token":"token+/=","#
        + #""Code":"Success","Type":"AWS-HMAC","Expiration":"2026-01-01T01:00:00Z","LastUpdated":"2026-01-01T00:59:59.75+01:00"}"#
        + "\n"

    /// A token from the router, for the GET tests.
    static func token(_ router: CredentialServerRouter, ttl: String = "21600") -> String {
        String(decoding: router.respond(to: Fixture.request("PUT", "/latest/api/token", [(Self.ttl, ttl)])).body, as: UTF8.self)
    }

    @Test(arguments: [
        // (method, path, headers) → (status, headers, body)
        ("PUT", "/latest/api/token", [(String, String)](), 200, [text, "\(ttl): 21600"], Fixture.firstToken),
        ("PUT", "/latest/api/token/", [], 200, [text, "\(ttl): 21600"], Fixture.firstToken),
        ("PUT", "/latest/api/token/anything/below", [], 200, [text, "\(ttl): 21600"], Fixture.firstToken),
        ("PUT", "/latest/api/token", [("x-aws-ec2-metadata-token-ttl-seconds", "1")], 200, [text, "\(ttl): 1"], Fixture.firstToken),
        ("PUT", "/latest/api/token", [(ttl, "21600")], 200, [text, "\(ttl): 21600"], Fixture.firstToken),
        ("PUT", "/latest/api/token", [(ttl, "+60")], 200, [text, "\(ttl): +60"], Fixture.firstToken),
        ("PUT", "/latest/api/token", [(ttl, "060")], 200, [text, "\(ttl): 060"], Fixture.firstToken),
        ("PUT", "/latest/api/token", [(ttl, "")], 200, [text, "\(ttl): 21600"], Fixture.firstToken),
        ("PUT", "/latest/api/token", [(ttl, "0")], 400, [text], "invalid token TTL"),
        ("PUT", "/latest/api/token", [(ttl, "21601")], 400, [text], "invalid token TTL"),
        ("PUT", "/latest/api/token", [(ttl, "-1")], 400, [text], "invalid token TTL"),
        ("PUT", "/latest/api/token", [(ttl, "60s")], 400, [text], "invalid token TTL"),
        ("PUT", "/latest/api/token", [(ttl, " 60")], 400, [text], "invalid token TTL"),
        ("PUT", "/latest/api/token", [("X-Forwarded-For", "10.0.0.1")], 400, [text],
         "unable to process requests with X-Forwarded-For header"),
        ("PUT", "/latest/api/token", [("x-forwarded-for", "10.0.0.1"), (ttl, "0")], 400, [text],
         "unable to process requests with X-Forwarded-For header"),
        ("PUT", "/latest/api/token", [("X-Forwarded-For", "")], 200, [text, "\(ttl): 21600"], Fixture.firstToken),
        ("GET", "/latest/api/token", [("X-Forwarded-For", "10.0.0.1")], 405, [], ""),
        ("POST", "/latest/api/token", [], 405, [], ""),
        ("GET", "/latest/meta-data/iam/security-credentials", [], 401, [text], "no token provided"),
        ("GET", "/latest/meta-data/iam/security-credentials/", [("X-aws-ec2-metadata-token", "")], 401, [text], "no token provided"),
        ("GET", "/latest/meta-data/iam/security-credentials/", [("x-aws-ec2-metadata-token", "nope")], 401, [text],
         "invalid token provided"),
        ("GET", "/latest/meta-data/iam/security-credentials/EdgeBackupRole", [], 401, [text], "no token provided"),
        ("GET", "/latest/meta-data/iam/security-credentials/EdgeBackupRole/", [("x-aws-ec2-metadata-token", "nope")], 401,
         [text], "invalid token provided"),
        ("PUT", "/latest/meta-data/iam/security-credentials", [], 405, [], ""),
        ("HEAD", "/latest/meta-data/iam/security-credentials/EdgeBackupRole", [], 405, [], ""),
        ("GET", "/latest/meta-data/instance-id", [], 404, [text, "X-Content-Type-Options: nosniff"], "404 page not found\n"),
        ("GET", "/", [], 404, [text, "X-Content-Type-Options: nosniff"], "404 page not found\n"),
        ("GET", "/latest/api", [], 404, [text, "X-Content-Type-Options: nosniff"], "404 page not found\n"),
    ])
    func answersWithoutAValidToken(method: String, path: String, headers: [(String, String)], status: Int,
                                   expectedHeaders: [String], body: String) {
        let router = Fixture.router()
        let response = router.respond(to: Fixture.request(method, path, headers))
        #expect(ServeResponseBytes(response) == ServeResponseBytes(status: status, headers: expectedHeaders, body: body))
    }

    @Test(arguments: [
        ("/latest/meta-data/iam/security-credentials", Fixture.roleName),
        ("/latest/meta-data/iam/security-credentials/", Fixture.roleName),
        ("/latest/meta-data/iam/security-credentials/OtherRole", Fixture.roleName),
        ("/latest/meta-data/iam/security-credentials/EdgeBackupRoleX", Fixture.roleName),
        ("/latest/meta-data/iam/security-credentials/EdgeBackupRole", credentialsDocument),
        ("/latest/meta-data/iam/security-credentials/EdgeBackupRole/", credentialsDocument),
        ("/latest/meta-data/iam/security-credentials/EdgeBackupRole/deeper", credentialsDocument),
        ("/latest/meta-data/iam/security-credentials/%45dgeBackupRole?x=1", credentialsDocument),
    ])
    func answersWithAValidToken(path: String, body: String) {
        let clock = StubClock(Fixture.now)
        let router = Fixture.router(clock: clock)
        let token = Self.token(router, ttl: "600")
        clock.advance(by: 99.5)
        let response = router.respond(to: Fixture.request("GET", path, [("X-aws-ec2-metadata-token", token)]))
        // The TTL header carries the token's remaining whole seconds (600 − 99.5, truncated).
        #expect(ServeResponseBytes(response) == ServeResponseBytes(status: 200, headers: [Self.text, "\(Self.ttl): 500"], body: body))
    }

    @Test func tokensExpireAfterTheirTTL() {
        let clock = StubClock(Fixture.now)
        let router = Fixture.router(clock: clock)
        let token = Self.token(router, ttl: "5")
        let get = Fixture.request("GET", "/latest/meta-data/iam/security-credentials/", [("x-aws-ec2-metadata-token", token)])
        clock.advance(by: 5)
        #expect(ServeResponseBytes(router.respond(to: get))
            == ServeResponseBytes(status: 200, headers: [Self.text, "\(Self.ttl): 0"], body: Fixture.roleName))
        clock.advance(by: 0.001)
        #expect(ServeResponseBytes(router.respond(to: get))
            == ServeResponseBytes(status: 401, headers: [Self.text], body: "invalid token provided"))
    }

    @Test func noValidCredentialsAnswers500NeverAnEmptyDocument() {
        let source = StubCredentialSource(.failure(HelperError(.transport, "no valid credentials: connection refused")))
        let router = Fixture.router(source: source)
        let token = Self.token(router)
        let response = router.respond(to: Fixture.request("GET", "/latest/meta-data/iam/security-credentials/EdgeBackupRole",
                                                          [("x-aws-ec2-metadata-token", token)]))
        #expect(ServeResponseBytes(response)
            == ServeResponseBytes(status: 500, headers: [Self.text], body: "no valid credentials available"))
        // The role name still answers: only the credentials are missing.
        let name = router.respond(to: Fixture.request("GET", "/latest/meta-data/iam/security-credentials/",
                                                      [("x-aws-ec2-metadata-token", token)]))
        #expect(name.status == 200)
    }

    @Test func tokensAreHundredCharactersOfStandardBase64() {
        let store = MetadataTokenStore()
        let alphabet = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        var seen: Set<String> = []
        for _ in 0..<50 {
            let token = store.issue(ttl: 60, now: Fixture.now).token
            #expect(token.count == 100)
            #expect(token.allSatisfy { alphabet.contains($0) })
            seen.insert(token)
        }
        #expect(seen.count == 50)
    }

    @Test func the257thTokenEvictsTheEarliestExpiring() {
        let store = ServeFixture.countingTokens()
        var tokens: [String] = []
        // TTLs 300, 299, …: the last one issued expires first.
        for index in 0..<MetadataTokenStore.capacity {
            let issued = store.issue(ttl: 300 - index, now: Fixture.now)
            #expect(!issued.evicted)
            tokens.append(issued.token)
        }
        #expect(store.count == 256)
        let extra = store.issue(ttl: 10_000, now: Fixture.now)
        #expect(extra.evicted)
        #expect(store.count == 256)
        #expect(store.remainingSeconds(of: tokens[255], now: Fixture.now) == nil)
        #expect(store.remainingSeconds(of: tokens[254], now: Fixture.now) == 46)
        #expect(store.remainingSeconds(of: tokens[0], now: Fixture.now) == 300)
        #expect(store.remainingSeconds(of: extra.token, now: Fixture.now) == 10_000)
    }

    @Test func expiredTokensAreSweptAway() {
        let store = MetadataTokenStore()
        _ = store.issue(ttl: 1, now: Fixture.now)
        _ = store.issue(ttl: 2, now: Fixture.now)
        _ = store.issue(ttl: 3, now: Fixture.now)
        #expect(store.removeExpired(now: Fixture.now.addingTimeInterval(2)) == 1)
        #expect(store.count == 2)
        #expect(store.removeExpired(now: Fixture.now.addingTimeInterval(10)) == 2)
        #expect(store.count == 0)
    }

    @Test(arguments: [
        (0.0, 0, "2026-01-01T00:00:00Z"),
        (0.5, 0, "2026-01-01T00:00:00.5Z"),
        (0.123456, 0, "2026-01-01T00:00:00.123456Z"),
        (0.1200001, 0, "2026-01-01T00:00:00.12Z"),
        (0.0, 3600, "2026-01-01T01:00:00+01:00"),
        (0.25, -19_800, "2025-12-31T18:30:00.25-05:30"),
        (-0.25, 20_700, "2026-01-01T05:44:59.75+05:45"),
    ])
    func timestampsAreGoRFC3339Nano(fraction: Double, offset: Int, expected: String) {
        #expect(GoTimestamp.rfc3339Nano(Fixture.now.addingTimeInterval(fraction), offsetSeconds: offset) == expected)
    }
}
