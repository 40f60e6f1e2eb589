import Foundation
import RACore
import RAHTTP
import RATestSupport
import RAWire
import Testing

/// STS-side authentication of the credentials CreateSession issued: the HMAC signature, the sealed
/// token, expiry, and STS's own error codes and messages.
struct CallerAuthenticatorTests {
    static let invalidToken = "The security token included in the request is invalid."
    static let expired = "The security token included in the request is expired"
    static let mismatch = "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details."

    /// A world and credentials it issued at `world.now` for one hour.
    static func issued() throws -> (TestWorld, HMACCredentials, CreateSessionResult) {
        let world = try TestWorld()
        let result = try world.granted(try world.request())
        return (world, HMACCredentials(result.credentials), result)
    }

    static func authenticate(_ world: TestWorld, _ request: HTTPRequest, at date: Date) -> Result<SessionClaims, CallerFailure> {
        world.callerAuthenticator().authenticate(SignedCall(request), services: ["sts"], now: date)
    }

    @Test("a call signed with the issued credentials authenticates as the assumed role")
    func valid() throws {
        let (world, credentials, result) = try Self.issued()
        let request = try world.calls.getCallerIdentity(credentials, at: world.now + 60)
        let claims = try Self.authenticate(world, request, at: world.now + 60).get()
        #expect(claims.assumedRoleArn == result.grant.assumedRoleArn)
        #expect(claims.accessKeyId == credentials.accessKeyID)
        #expect(claims.sourceIdentity == "CN=edge-01")
        #expect(claims.expiresAt == world.now + 3600)
    }

    @Test("the credentials work until one second before expiry and not at it")
    func expiry() throws {
        let (world, credentials, _) = try Self.issued()
        let lastMoment = world.now + 3599
        _ = try Self.authenticate(world, try world.calls.getCallerIdentity(credentials, at: lastMoment), at: lastMoment).get()

        let expiry = world.now + 3600
        let failure = try #require(Self.authenticate(world, try world.calls.getCallerIdentity(credentials, at: expiry), at: expiry).failureValue)
        #expect(failure.code == .expiredToken)
        #expect(failure.code.rawValue == "ExpiredToken")
        #expect(failure.httpStatus == 400)
        #expect(failure.message == Self.expired)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let breaking: [SessionCallFactory.Breakage]
        let code: CallerFailure.Code
        let status: Int
        let message: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "no session token", breaking: [.sessionToken(nil)], code: .invalidClientTokenId, status: 403, message: invalidToken),
        Case(name: "garbage session token", breaking: [.sessionToken("bm90IGEgdG9rZW4=")], code: .invalidClientTokenId, status: 403, message: invalidToken),
        Case(name: "session token under an unknown key",
             breaking: [.sessionToken(Data([1, 0, 0, 0, 9] + Array(repeating: 7, count: 60)).base64EncodedString())],
             code: .invalidClientTokenId, status: 403, message: invalidToken),
        Case(name: "access key id of another session", breaking: [.accessKeyId("ASIAAAAAAAAAAAAAAAAA")],
             code: .invalidClientTokenId, status: 403, message: invalidToken),
        Case(name: "wrong secret", breaking: [.secret("wrongwrongwrongwrongwrongwrongwrongwrong")],
             code: .signatureDoesNotMatch, status: 403, message: mismatch),
        Case(name: "signature altered", breaking: [.tamperedSignature], code: .signatureDoesNotMatch, status: 403, message: mismatch),
        Case(name: "signed header altered", breaking: [.header("Content-Type", "application/json")],
             code: .signatureDoesNotMatch, status: 403, message: mismatch),
        Case(name: "scoped to another service", breaking: [.service("iam")], code: .signatureDoesNotMatch, status: 403,
             message: "Credential should be scoped to correct service: 'sts'."),
        Case(name: "no Authorization", breaking: [.header("Authorization", nil)], code: .missingAuthenticationToken, status: 403,
             message: "Request is missing Authentication Token"),
        Case(name: "no X-Amz-Date", breaking: [.header("X-Amz-Date", nil)], code: .incompleteSignature, status: 400,
             message: "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header."),
        Case(name: "X509 algorithm on an STS call",
             breaking: [.header("Authorization", "AWS4-X509-RSA-SHA256 Credential=1/20270115/us-east-1/sts/aws4_request, SignedHeaders=host, Signature=00")],
             code: .incompleteSignature, status: 400, message: "Unsupported AWS 'algorithm': 'AWS4-X509-RSA-SHA256'"),
    ]

    @Test("refusals carry STS's code, status and message", arguments: cases)
    func refused(_ testCase: Case) throws {
        let (world, credentials, _) = try Self.issued()
        let request = try world.calls.getCallerIdentity(credentials, at: world.now, breaking: testCase.breaking)
        let failure = try #require(Self.authenticate(world, request, at: world.now).failureValue)
        #expect(failure.code == testCase.code)
        #expect(failure.httpStatus == testCase.status)
        #expect(failure.message == testCase.message)
    }

    @Test("a call signed more than 300 s away from the server clock is refused in AWS's words", arguments: [
        (-301.0, "Signature expired: 20270115T080459Z is now earlier than 20270115T080500Z (20270115T081000Z - 5 min.)"),
        (301, "Signature not yet current: 20270115T081501Z is still later than 20270115T081500Z (20270115T081000Z + 5 min.)"),
    ])
    func skew(_ offset: Double, _ message: String) throws {
        let (world, credentials, _) = try Self.issued()
        let request = try world.calls.getCallerIdentity(credentials, at: world.now + 600 + offset)
        let failure = try #require(Self.authenticate(world, request, at: world.now + 600).failureValue)
        #expect(failure.code == .signatureDoesNotMatch)
        #expect(failure.message == message)
    }

    @Test("exactly 300 s either way is still accepted", arguments: [-300.0, 300])
    func skewEdge(_ offset: Double) throws {
        let (world, credentials, _) = try Self.issued()
        let request = try world.calls.getCallerIdentity(credentials, at: world.now + 600 + offset)
        _ = try Self.authenticate(world, request, at: world.now + 600).get()
    }

    @Test("a call scoped to another region is SignatureDoesNotMatch, not accepted")
    func otherRegion() throws {
        let (world, credentials, _) = try Self.issued()
        let request = try SessionCallFactory(region: "eu-west-1", host: "sts.eu-west-1.amazonaws.com")
            .getCallerIdentity(credentials, at: world.now)
        let failure = try #require(Self.authenticate(world, request, at: world.now).failureValue)
        #expect(failure.code == .signatureDoesNotMatch)
        #expect(failure.httpStatus == 403)
        #expect(failure.message == "Credential should be scoped to a valid region, not 'eu-west-1'.")
    }

    @Test("a token sealed by another server's key is InvalidClientTokenId")
    func foreignServer() throws {
        let (world, credentials, _) = try Self.issued()
        let other = SessionTokenCodec(keys: [1: Array(repeating: 9, count: 32)], currentKeyId: 1)
        let request = try world.calls.getCallerIdentity(credentials, at: world.now)
        let failure = try #require(CallerAuthenticator(codec: other, configuration: world.configuration)
            .authenticate(SignedCall(request), services: ["sts"], now: world.now).failureValue)
        #expect(failure.code == .invalidClientTokenId)
        #expect(failure.reason == "session token could not be opened: tampered")
    }
}
