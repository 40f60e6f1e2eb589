import Foundation
import Testing
@testable import RAHelperKit

/// The ECS-style endpoint: the token gate and the document the SDKs' container providers read.
struct ServeContainerEndpointTests {
    typealias Fixture = ServeFixture
    static let json = "Content-Type: application/json"
    static let document = #"{"AccessKeyId":"ASIAEXAMPLE","SecretAccessKey":"secret<&>/+","Token":"token+/=","#
        + #""Expiration":"2026-01-01T01:00:00Z"}"#

    @Test(arguments: [
        ("GET", [("Authorization", Fixture.containerToken)], 200, [json], document),
        ("GET", [("authorization", Fixture.containerToken)], 200, [json], document),
        ("GET", [], 401, [json], #"{"code":"AccessDenied","message":"the Authorization header with the container authorization token is missing"}"#),
        ("GET", [("Authorization", "")], 401, [json], #"{"code":"AccessDenied","message":"the Authorization header with the container authorization token is missing"}"#),
        ("GET", [("Authorization", "Bearer " + Fixture.containerToken)], 403, [json], #"{"code":"AccessDenied","message":"the Authorization header does not hold the container authorization token"}"#),
        ("GET", [("Authorization", String(Fixture.containerToken.dropLast()))], 403, [json], #"{"code":"AccessDenied","message":"the Authorization header does not hold the container authorization token"}"#),
        ("POST", [("Authorization", Fixture.containerToken)], 405, ["Allow: GET"], ""),
    ])
    func answers(method: String, headers: [(String, String)], status: Int, expectedHeaders: [String], body: String) {
        let response = Fixture.router().respond(to: Fixture.request(method, "/creds", headers))
        #expect(ServeResponseBytes(response) == ServeResponseBytes(status: status, headers: expectedHeaders, body: body))
    }

    @Test func noValidCredentialsAnswers500() {
        let source = StubCredentialSource(.failure(HelperError(.transport, "no valid credentials: down")))
        let response = Fixture.router(source: source).respond(
            to: Fixture.request("GET", "/creds", [("Authorization", Fixture.containerToken)]))
        #expect(ServeResponseBytes(response) == ServeResponseBytes(
            status: 500, headers: [Self.json], body: #"{"code":"CredentialsUnavailable","message":"no valid credentials available"}"#))
    }

    @Test func otherPathsAreNotTheContainerEndpoint() {
        let response = Fixture.router().respond(to: Fixture.request("GET", "/creds/x", [("Authorization", Fixture.containerToken)]))
        #expect(response.status == 404)
    }

    @Test(arguments: [("abc", "abc", true), ("abc", "abd", false), ("abc", "ab", false), ("", "", true), ("a", "", false)])
    func tokenComparison(lhs: String, rhs: String, equal: Bool) {
        #expect(ContainerCredentialsEndpoint.constantTimeEqual(Array(lhs.utf8), Array(rhs.utf8)) == equal)
    }

    @Test func generatedTokensAre64HexDigitsAndDiffer() {
        let first = ContainerAuthorizationToken.generate()
        let second = ContainerAuthorizationToken.generate()
        #expect(first.count == 64)
        #expect(first.allSatisfy { "0123456789abcdef".contains($0) })
        #expect(first != second)
    }

    @Test func tokenFileIsCreatedPrivateThenReused() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("serve-token-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("token").path
        let created = try ContainerAuthorizationToken.load(orCreateAt: path)
        #expect(created.created)
        #expect(created.token.count == 64)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == created.token, "no line end: botocore refuses one")
        let loaded = try ContainerAuthorizationToken.load(orCreateAt: path)
        #expect(loaded.token == created.token)
        #expect(!loaded.created)

        try "  my-token\r\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try ContainerAuthorizationToken.load(orCreateAt: path).token == "my-token")
        try "\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: HelperError(.configuration, "the container authorization token file \(path) is empty")) {
            try ContainerAuthorizationToken.load(orCreateAt: path)
        }
    }
}
