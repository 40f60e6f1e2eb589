import Testing
@testable import RAWire

/// `Authorization` parsing: every accepted spelling and every kind of malformed value.
struct AuthorizationHeaderTests {
    static let expected = AuthorizationHeader(
        algorithm: .x509RSASHA256, credentialID: "21",
        scope: CredentialScope(date: "20240706", region: "us-east-2", service: "rolesanywhere"),
        signedHeaders: ["content-type", "host", "x-amz-date", "x-amz-x509"], signature: "0a1b2c")

    static let credential = "Credential=21/20240706/us-east-2/rolesanywhere/aws4_request"
    static let signedHeaders = "SignedHeaders=content-type;host;x-amz-date;x-amz-x509"

    @Test("accepted spellings", arguments: [
        "AWS4-X509-RSA-SHA256 \(credential), \(signedHeaders), Signature=0a1b2c",
        "AWS4-X509-RSA-SHA256 \(credential),\(signedHeaders),Signature=0a1b2c",
        "AWS4-X509-RSA-SHA256 Signature=0a1b2c, \(signedHeaders), \(credential)",
        "  AWS4-X509-RSA-SHA256   \(credential) ,  \(signedHeaders),Signature=0a1b2c  ",
        "AWS4-X509-RSA-SHA256 \(credential), SignedHeaders=Content-Type;HOST;x-amz-date;x-amz-x509, Signature=0a1b2c",
    ])
    func accepted(value: String) throws {
        #expect(try AuthorizationHeader.parse(value) == Self.expected)
    }

    @Test func formattedUsesCommaSpaceAndRoundTrips() throws {
        let text = Self.expected.formatted
        #expect(text == "AWS4-X509-RSA-SHA256 \(Self.credential), \(Self.signedHeaders), Signature=0a1b2c")
        #expect(try AuthorizationHeader.parse(text) == Self.expected)
    }

    @Test("rejected values", arguments: [
        ("", "Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters."),
        ("AWS4-HMAC-SHA256", "Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters."),
        ("AWS4-HMAC-SHA256 \(signedHeaders), Signature=ab", "Authorization header requires 'Credential' parameter."),
        ("AWS4-HMAC-SHA256 \(credential), Signature=ab", "Authorization header requires 'SignedHeaders' parameter."),
        ("AWS4-HMAC-SHA256 \(credential), \(signedHeaders)", "Authorization header requires 'Signature' parameter."),
        ("AWS4-HMAC-SHA256 \(credential), \(signedHeaders), Signature=ab, Signature=ab",
         "Authorization header repeats the 'Signature' parameter."),
        ("AWS4-HMAC-SHA256 \(credential), \(signedHeaders), Signature=ab, Extra=1",
         "Authorization header has an unknown parameter 'Extra'."),
        ("AWS4-HMAC-SHA256 \(credential), \(signedHeaders), Signature=ab,",
         "Authorization header has a malformed parameter."),
        ("AWS4-HMAC-SHA256 \(credential) \(signedHeaders), Signature=ab",
         "Authorization header requires 'SignedHeaders' parameter."),
        ("AWS4-HMAC-SHA256 \(credential), SignedHeaders=, Signature=ab",
         "SignedHeaders must list one or more header names separated by ';'."),
        ("AWS4-HMAC-SHA256 \(credential), SignedHeaders=host;;x-amz-date, Signature=ab",
         "SignedHeaders must list one or more header names separated by ';'."),
        ("AWS4-HMAC-SHA256 \(credential), \(signedHeaders), Signature=", "Signature must be a non-empty hexadecimal string."),
        ("AWS4-HMAC-SHA256 \(credential), \(signedHeaders), Signature=abcg", "Signature must be a non-empty hexadecimal string."),
        ("AWS4-HMAC-SHA256 Credential=AKID/20240706/us-east-1/sts, \(signedHeaders), Signature=ab",
         "Credential must have the form <id>/<yyyyMMdd>/<region>/<service>/aws4_request."),
        ("AWS4-HMAC-SHA256 Credential=AKID/20240706/us-east-1/sts/aws4_request/x, \(signedHeaders), Signature=ab",
         "Credential must have the form <id>/<yyyyMMdd>/<region>/<service>/aws4_request."),
        ("AWS4-HMAC-SHA256 Credential=/20240706/us-east-1/sts/aws4_request, \(signedHeaders), Signature=ab",
         "Credential must have the form <id>/<yyyyMMdd>/<region>/<service>/aws4_request."),
        ("AWS4-HMAC-SHA256 Credential=AKID/2024-07-06/us-east-1/sts/aws4_request, \(signedHeaders), Signature=ab",
         "Credential scope date must be yyyyMMdd."),
        ("AWS4-HMAC-SHA256 Credential=AKID/20240230/us-east-1/sts/aws4_request, \(signedHeaders), Signature=ab",
         "Credential scope date must be yyyyMMdd."),
        ("AWS4-HMAC-SHA256 Credential=AKID/20240706/us-east-1/sts/aws4_reques, \(signedHeaders), Signature=ab",
         "Credential scope must end with aws4_request."),
    ])
    func rejected(value: String, message: String) {
        #expect(throws: WireError.incompleteSignature(message)) { try AuthorizationHeader.parse(value) }
    }

    @Test func hmacCredentialIsTheAccessKey() throws {
        let header = try AuthorizationHeader.parse(SigV4GoldenVectors.STSGetCallerIdentity.authorization)
        #expect(header.algorithm == .hmacSHA256)
        #expect(!header.algorithm.isX509)
        #expect(header.credentialID == "AKIDEXAMPLE")
        #expect(header.scope == CredentialScope(date: "20240706", region: "us-east-1", service: "sts"))
        #expect(header.signedHeaders == ["content-type", "host", "x-amz-date", "x-amz-security-token"])
        #expect(header.formatted == SigV4GoldenVectors.STSGetCallerIdentity.authorization)
    }
}
