import Foundation
import RACrypto
import Testing
@testable import RAWire

/// SigV4-X509 canonicalisation in the three client styles, plus real signatures round-tripped
/// through RACrypto keys and the server-side rebuild.
struct X509SigningTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let request: SignableRequest
        let region: String
        let algorithm: SigV4Algorithm
        let serial: String
        let canonicalRequest: String
        let stringToSign: String
        let signedHeaders: String
        var testDescription: String { name }
    }

    static let helperHost = "rolesanywhere.us-east-2.amazonaws.com"
    static let pythonBody = #"{"durationSeconds": 3600, "profileArn": ""# + SigV4GoldenVectors.profileArn
        + #"", "roleArn": ""# + SigV4GoldenVectors.roleArn
        + #"", "trustAnchorArn": ""# + SigV4GoldenVectors.trustAnchorArn + #""}"#

    static let cases: [Case] = [
        Case(name: "official helper < 1.5 (ARNs in query)",
             request: SignableRequest(method: "POST", path: "/sessions", rawQuery: SigV4GoldenVectors.helperQuery,
                                      headers: [("Content-Type", "application/json"), ("Host", helperHost),
                                                ("User-Agent", "CredHelper/1.1.1 (go1.21.5; linux; amd64)"),
                                                ("X-Amz-X509", SigV4GoldenVectors.x509Certificate)],
                                      body: Fixture.bytes(#"{"durationSeconds":3600}"#)),
             region: "us-east-2", algorithm: .x509RSASHA256, serial: "21",
             canonicalRequest: SigV4GoldenVectors.HelperPre15.canonicalRequest,
             stringToSign: SigV4GoldenVectors.HelperPre15.stringToSign,
             signedHeaders: "content-type;host;x-amz-date;x-amz-x509"),
        Case(name: "official helper >= 1.5 (amz-sdk-* signed, chain)",
             request: SignableRequest(method: "POST", path: "/sessions", rawQuery: SigV4GoldenVectors.helperQuery,
                                      headers: [("Amz-Sdk-Invocation-Id", "3f1c2b4a-6d5e-4f70-8a9b-0c1d2e3f4a5b"),
                                                ("Amz-Sdk-Request", "attempt=1; max=3"),
                                                ("Content-Type", "application/json"),
                                                ("User-Agent", "CredHelper/1.7.0 (go1.24.1; linux; amd64)"),
                                                ("X-Amz-X509", SigV4GoldenVectors.x509Certificate),
                                                ("X-Amz-X509-Chain", SigV4GoldenVectors.x509Chain),
                                                ("X-Amzn-Trace-Id", "Root=1-not-signed")],
                                      body: CreateSessionRequestBody(durationSeconds: 900, roleSessionName: "job-42").encoded()),
             region: "us-east-2", algorithm: .x509ECDSASHA256, serial: "340282366920938463463374607431768211455",
             canonicalRequest: SigV4GoldenVectors.Helper15.canonicalRequest,
             stringToSign: SigV4GoldenVectors.Helper15.stringToSign,
             signedHeaders: "amz-sdk-invocation-id;amz-sdk-request;content-type;host;x-amz-date;x-amz-x509;x-amz-x509-chain"),
        Case(name: "awslabs Python client (ARNs in body)",
             request: SignableRequest(method: "POST", path: "/sessions",
                                      headers: [("Host", helperHost), ("Content-Type", "application/x-amz-json-1.0"),
                                                ("X-Amz-X509", SigV4GoldenVectors.x509Certificate),
                                                ("X-Amz-X509-Chain", SigV4GoldenVectors.x509Chain)],
                                      body: Fixture.bytes(pythonBody)),
             region: "us-east-2", algorithm: .x509ECDSASHA256, serial: "3",
             canonicalRequest: SigV4GoldenVectors.PythonBody.canonicalRequest,
             stringToSign: SigV4GoldenVectors.PythonBody.stringToSign,
             signedHeaders: "content-type;host;x-amz-date;x-amz-x509;x-amz-x509-chain"),
    ]

    static func signer(_ testCase: Case, sign: @escaping @Sendable ([UInt8]) throws -> [UInt8]) -> RequestSigner {
        RequestSigner(credentials: .x509(X509SigningIdentity(algorithm: testCase.algorithm, serialNumber: testCase.serial,
                                                             sign: sign)),
                      region: testCase.region, service: "rolesanywhere")
    }

    @Test("canonical request and string to sign match the golden vectors", arguments: cases)
    func goldenVectors(_ testCase: Case) throws {
        let signer = Self.signer(testCase) { _ in [0xde, 0xad, 0xbe, 0xef] }
        let signed = try signer.sign(testCase.request, host: "127.0.0.1:8443", date: Fixture.signingDate)
        #expect(signed.stringToSign.canonicalRequest.text == testCase.canonicalRequest)
        #expect(signed.stringToSign.text == testCase.stringToSign)
        #expect(signed.authorization.formatted == "\(testCase.algorithm.rawValue) Credential=\(testCase.serial)/"
            + "20240706/us-east-2/rolesanywhere/aws4_request, SignedHeaders=\(testCase.signedHeaders), Signature=deadbeef")
    }

    @Test("signatures from RACrypto keys verify after the server rebuilds the string to sign",
          arguments: [(PrivateKey.KeyType.rsa2048, 0), (.ecP256, 1), (.ecP384, 2), (.ecP256, 0)])
    func roundTrip(keyType: PrivateKey.KeyType, caseIndex: Int) throws {
        let testCase = Self.cases[caseIndex]
        let key = try PrivateKey.generate(keyType)
        let signer = Self.signer(testCase) { message in try key.signature(for: message) }
        let signed = try signer.sign(testCase.request, host: "127.0.0.1:8443", date: Fixture.signingDate)
        let received = Fixture.received(testCase.request, signed: signed)

        let authorization = try AuthorizationHeader.parse(try #require(received.header("authorization")))
        #expect(authorization.credentialID == testCase.serial)
        #expect(authorization.algorithm.isX509)
        let rebuilt = try StringToSign(request: received, authorization: authorization)
        #expect(rebuilt.text == testCase.stringToSign)
        let signature = try #require(Hex.decode(authorization.signature))
        #expect(key.publicKey.isValidSignature(signature, for: rebuilt.bytes))

        var tampered = received
        tampered.body += Fixture.bytes(" ")
        let tamperedInput = try StringToSign(request: tampered, authorization: authorization)
        #expect(!key.publicKey.isValidSignature(signature, for: tamperedInput.bytes))
    }

    @Test func signingClosureErrorsPropagate() {
        struct TokenLocked: Error {}
        let signer = Self.signer(Self.cases[0]) { _ in throw TokenLocked() }
        #expect(throws: TokenLocked.self) {
            try signer.sign(Self.cases[0].request, host: "h", date: Fixture.signingDate)
        }
    }

    @Test func pythonBodyParsesOnTheServer() throws {
        let body = try CreateSessionRequestBody.decode(Fixture.bytes(Self.pythonBody))
        #expect(body == CreateSessionRequestBody(durationSeconds: 3600, profileArn: SigV4GoldenVectors.profileArn,
                                                 roleArn: SigV4GoldenVectors.roleArn,
                                                 trustAnchorArn: SigV4GoldenVectors.trustAnchorArn))
    }

    @Test("algorithm tokens map to key families", arguments: [
        ("AWS4-X509-RSA-SHA256", SigV4Algorithm.X509KeyFamily?.some(.rsa)),
        ("AWS4-X509-RSA-SHA384", .rsa), ("AWS4-X509-ECDSA-SHA256", .ecdsa), ("AWS4-X509-ECDSA-SHA512", .ecdsa),
        ("AWS4-X509-MLDSA", .mldsa), ("AWS4-X509-RSA-SHA1", nil), ("AWS4-X509-DSA-SHA256", nil),
        ("AWS4-HMAC-SHA256", nil),
    ])
    func keyFamilies(token: String, family: SigV4Algorithm.X509KeyFamily?) {
        #expect(SigV4Algorithm(rawValue: token).x509KeyFamily == family)
    }
}
