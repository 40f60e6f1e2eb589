import Foundation
import Testing
import RACrypto
@testable import RAWire

/// AWS4-HMAC-SHA256 against botocore's output (SigV4GoldenVectors, made by make_vectors.py).
struct HMACSigningTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let request: SignableRequest
        let host: String
        let region: String
        let service: String
        let sessionToken: String?
        let canonicalRequest: String
        let stringToSign: String
        let authorization: String
        var testDescription: String { name }
    }

    static let postJSONBody = #"{"enabled":true,"name":"anchor <1> & co","source":{"sourceData":"#
        + #"{"acmPcaArn":"arn:aws:acm-pca:eu-west-1:111122223333:certificate-authority/x"},"#
        + #""sourceType":"AWS_ACM_PCA"}}"#

    static func trickyQuery(_ rawQuery: String) -> Case {
        Case(name: "GET tricky query \(rawQuery)",
             request: SignableRequest(method: "GET", path: "/trustanchors", rawQuery: rawQuery),
             host: "rolesanywhere.us-east-1.amazonaws.com", region: "us-east-1", service: "rolesanywhere",
             sessionToken: nil,
             canonicalRequest: SigV4GoldenVectors.GetTrickyQuery.canonicalRequest,
             stringToSign: SigV4GoldenVectors.GetTrickyQuery.stringToSign,
             authorization: SigV4GoldenVectors.GetTrickyQuery.authorization)
    }

    static let cases: [Case] = [
        trickyQuery("a=b c&A=1&b=%2F&empty"),
        trickyQuery("a=b%20c&A=1&b=%2f&empty="),
        trickyQuery("empty&b=%2F&A=1&a=b+c"),
        Case(name: "POST JSON",
             request: SignableRequest(method: "POST", path: "/trustanchors",
                                      headers: [("Content-Type", "application/json")], body: Fixture.bytes(postJSONBody)),
             host: "rolesanywhere.eu-west-1.amazonaws.com", region: "eu-west-1", service: "rolesanywhere",
             sessionToken: nil,
             canonicalRequest: SigV4GoldenVectors.PostJSON.canonicalRequest,
             stringToSign: SigV4GoldenVectors.PostJSON.stringToSign,
             authorization: SigV4GoldenVectors.PostJSON.authorization),
        Case(name: "STS GetCallerIdentity with session token",
             request: SignableRequest(method: "POST", path: "/",
                                      headers: [("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")],
                                      body: Fixture.bytes("Action=GetCallerIdentity&Version=2011-06-15")),
             host: "sts.amazonaws.com", region: "us-east-1", service: "sts",
             sessionToken: SigV4GoldenVectors.sessionToken,
             canonicalRequest: SigV4GoldenVectors.STSGetCallerIdentity.canonicalRequest,
             stringToSign: SigV4GoldenVectors.STSGetCallerIdentity.stringToSign,
             authorization: SigV4GoldenVectors.STSGetCallerIdentity.authorization),
        Case(name: "IAM odd path, port, repeated and padded headers",
             request: SignableRequest(method: "get", path: "/roles/my%20role/./x/../tags//",
                                      rawQuery: "Version=2010-05-08&Action=ListRoles",
                                      headers: [("X-Amz-Meta-Note", "  a   b  c "), ("X-Amz-Meta-Multi", "one"),
                                                ("X-Amz-Meta-Multi", "two"), ("User-Agent", "not signed")]),
             host: "127.0.0.1:8080", region: "us-east-1", service: "iam", sessionToken: nil,
             canonicalRequest: SigV4GoldenVectors.IAMOddPath.canonicalRequest,
             stringToSign: SigV4GoldenVectors.IAMOddPath.stringToSign,
             authorization: SigV4GoldenVectors.IAMOddPath.authorization),
    ]

    static func signer(_ testCase: Case) -> RequestSigner {
        RequestSigner(credentials: .hmac(HMACCredentials(accessKeyID: SigV4GoldenVectors.accessKeyID,
                                                         secretAccessKey: SigV4GoldenVectors.secretAccessKey,
                                                         sessionToken: testCase.sessionToken)),
                      region: testCase.region, service: testCase.service)
    }

    @Test("signer reproduces botocore", arguments: cases)
    func signerMatchesBotocore(_ testCase: Case) throws {
        let signed = try Self.signer(testCase).sign(testCase.request, host: testCase.host, date: Fixture.signingDate)
        #expect(signed.stringToSign.canonicalRequest.text == testCase.canonicalRequest)
        #expect(signed.stringToSign.text == testCase.stringToSign)
        #expect(signed.authorization.formatted == testCase.authorization)
        #expect(signed.headersToAdd.first { $0.name == "Authorization" }?.value == testCase.authorization)
        #expect(signed.headersToAdd.first { $0.name == "X-Amz-Date" }?.value == SigV4GoldenVectors.amzDate)
        #expect(signed.headersToAdd.first { $0.name == "X-Amz-Security-Token" }?.value == testCase.sessionToken)
    }

    @Test("verifier accepts botocore's signature", arguments: cases)
    func verifierAcceptsGolden(_ testCase: Case) throws {
        let signed = try Self.signer(testCase).sign(testCase.request, host: testCase.host, date: Fixture.signingDate)
        let received = Fixture.received(testCase.request, signed: signed)
        let authorization = try AuthorizationHeader.parse(testCase.authorization)
        #expect(try StringToSign(request: received, authorization: authorization).text == testCase.stringToSign)
        #expect(try HMACVerifier.isValidSignature(request: received, authorization: authorization,
                                                  secretAccessKey: SigV4GoldenVectors.secretAccessKey))
        #expect(try !HMACVerifier.isValidSignature(request: received, authorization: authorization,
                                                   secretAccessKey: "wrong-secret"))
    }

    @Test func verifierRejectsTampering() throws {
        let testCase = Self.cases[4]
        let signed = try Self.signer(testCase).sign(testCase.request, host: testCase.host, date: Fixture.signingDate)
        let received = Fixture.received(testCase.request, signed: signed)
        let authorization = try AuthorizationHeader.parse(testCase.authorization)
        let secret = SigV4GoldenVectors.secretAccessKey

        var body = received
        body.body = Fixture.bytes("Action=GetCallerIdentity&Version=2011-06-16")
        #expect(try !HMACVerifier.isValidSignature(request: body, authorization: authorization, secretAccessKey: secret))

        var token = received
        token.headers = token.headers.map { $0.name == "X-Amz-Security-Token" ? ($0.name, "other") : $0 }
        #expect(try !HMACVerifier.isValidSignature(request: token, authorization: authorization, secretAccessKey: secret))

        var upper = authorization
        upper.signature = authorization.signature.uppercased()
        #expect(try HMACVerifier.isValidSignature(request: received, authorization: upper, secretAccessKey: secret))

        var truncated = authorization
        truncated.signature = String(authorization.signature.dropLast(2))
        #expect(try !HMACVerifier.isValidSignature(request: received, authorization: truncated, secretAccessKey: secret))
    }

    @Test func verifierRejectsMissingOrInconsistentDate() throws {
        let testCase = Self.cases[3]
        let signed = try Self.signer(testCase).sign(testCase.request, host: testCase.host, date: Fixture.signingDate)
        let received = Fixture.received(testCase.request, signed: signed)
        let authorization = try AuthorizationHeader.parse(testCase.authorization)

        var noDate = received
        noDate.headers.removeAll { $0.name == "X-Amz-Date" }
        #expect(throws: WireError.incompleteSignature("The request must contain an X-Amz-Date header.")) {
            try StringToSign(request: noDate, authorization: authorization)
        }
        var otherDay = received
        otherDay.headers = otherDay.headers.map { $0.name == "X-Amz-Date" ? ($0.name, "20240707T000000Z") : $0 }
        #expect(throws: WireError.incompleteSignature("The credential scope date does not match the X-Amz-Date header.")) {
            try StringToSign(request: otherDay, authorization: authorization)
        }
        var dropped = received
        dropped.headers.removeAll { $0.name == "Content-Type" }
        #expect(throws: WireError.incompleteSignature("The signed header 'content-type' is missing from the request.")) {
            try HMACVerifier.isValidSignature(request: dropped, authorization: authorization,
                                              secretAccessKey: SigV4GoldenVectors.secretAccessKey)
        }
    }

    @Test func signerReplacesStaleHeadersAndKeepsExistingHost() throws {
        let request = SignableRequest(method: "POST", path: "/", headers: [
            ("host", "sts.amazonaws.com"), ("X-Amz-Date", "19990101T000000Z"), ("authorization", "stale"),
            ("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"),
        ], body: Fixture.bytes("Action=GetCallerIdentity&Version=2011-06-15"))
        let signer = Self.signer(Self.cases[4])
        let signed = try signer.sign(request, host: "ignored.example", date: Fixture.signingDate)
        #expect(signed.headersToAdd.map(\.name) == ["X-Amz-Date", "X-Amz-Security-Token", "Authorization"])
        #expect(signed.authorization.formatted == SigV4GoldenVectors.STSGetCallerIdentity.authorization)
        let applied = signed.applied(to: request.headers)
        #expect(applied.filter { $0.name.lowercased() == "x-amz-date" }.map(\.value) == [SigV4GoldenVectors.amzDate])
        #expect(applied.filter { $0.name.lowercased() == "authorization" }.count == 1)
    }

    @Test func signingKeyMatchesAWSDocumentationExample() {
        // AWS SigV4 documentation example: secret wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY,
        // 20120215/us-east-1/iam derives f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d.
        let key = SigV4.signingKey(secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
                                   scope: CredentialScope(date: "20120215", region: "us-east-1", service: "iam"))
        #expect(Hex.encode(key)
            == "f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d")
    }
}
