import RACrypto
import Testing
@testable import RAWire

/// The individual canonicalisation rules, one table each.
struct CanonicalizationTests {
    @Test("canonical query", arguments: [
        ("", ""),
        ("a=b c&A=1&b=%2F&empty", "A=1&a=b%20c&b=%2F&empty="),
        ("b=2&a=1&a=0", "a=0&a=1&b=2"),
        ("x=%7e%2d%5F.&y=a+b", "x=~-_.&y=a%20b"),
        ("k=%3D%26&k2==", "k=%3D%26&k2=%3D"),
        ("a=1&&b=2&", "a=1&b=2"),
        ("na%20me=v%2bw", "na%20me=v%2Bw"),
        ("utf=%C3%A9t%C3%A9&raw=été", "raw=%C3%A9t%C3%A9&utf=%C3%A9t%C3%A9"),
        ("Z=1&a=1&_=1&~=1", "Z=1&_=1&a=1&~=1"),
    ])
    func canonicalQuery(raw: String, expected: String) throws {
        #expect(try CanonicalQuery.from(rawQuery: raw) == expected)
    }

    @Test("malformed query escapes are rejected", arguments: ["a=%", "a=%4", "a=%zz", "%G1=b"])
    func malformedQuery(raw: String) {
        #expect(throws: WireError.malformedQueryString("The query string contains an invalid percent-encoding.")) {
            try CanonicalQuery.from(rawQuery: raw)
        }
    }

    @Test("canonical URI", arguments: [
        ("", "/"),
        ("/", "/"),
        ("/sessions", "/sessions"),
        ("/trustanchor/5c2e9f7a-0b1d-4e3f", "/trustanchor/5c2e9f7a-0b1d-4e3f"),
        ("/roles/my%20role", "/roles/my%2520role"),
        ("/a/./b/../c//d/", "/a/c/d/"),
        ("/../..", "/"),
        ("/a b/é~", "/a%20b/%C3%A9~"),
        ("/prefix/sessions", "/prefix/sessions"),
    ])
    func canonicalURI(raw: String, expected: String) {
        #expect(CanonicalURI.from(rawPath: raw) == expected)
    }

    @Test("header value normalisation", arguments: [
        ("plain", "plain"),
        ("  padded \t", "padded"),
        ("a   b    c", "a b c"),
        ("attempt=1; max=3", "attempt=1; max=3"),
        ("tab\there", "tab\there"),
        ("   ", ""),
    ])
    func headerValues(raw: String, expected: String) {
        #expect(CanonicalHeaders.normalizedValue(raw) == expected)
    }

    @Test func headerBlockJoinsRepeatsAndLowercasesNames() throws {
        let headers = [("X-Amz-Meta-Multi", " one "), ("Host", "h"), ("x-amz-meta-multi", "two  three")]
        let block = try CanonicalHeaders.block(signedHeaders: ["host", "x-amz-meta-multi"], headers: headers)
        #expect(block == "host:h\nx-amz-meta-multi:one,two three\n")
    }

    @Test func payloadHashComesFromTheBody() throws {
        let body = Fixture.bytes("{}")
        let hash = Hex.encode(SHA256.hash(body))
        let plain = SignableRequest(method: "POST", path: "/", body: body)
        #expect(try SigV4.payloadHash(of: plain) == hash)
        #expect(try SigV4.payloadHash(of: SignableRequest(method: "GET", path: "/")) == SigV4.emptyPayloadHash)

        let matching = SignableRequest(method: "POST", path: "/", headers: [("x-amz-content-sha256", hash.uppercased())],
                                       body: body)
        #expect(try SigV4.payloadHash(of: matching) == hash)
        let unsigned = SignableRequest(method: "POST", path: "/", headers: [("X-Amz-Content-Sha256", "UNSIGNED-PAYLOAD")],
                                       body: body)
        #expect(try SigV4.payloadHash(of: unsigned) == hash)
        let lying = SignableRequest(method: "POST", path: "/", headers: [("X-Amz-Content-Sha256", SigV4.emptyPayloadHash)],
                                    body: body)
        #expect(throws: WireError.contentSHA256Mismatch()) { try SigV4.payloadHash(of: lying) }
    }

    @Test func canonicalRequestLayout() throws {
        let request = SignableRequest(method: "post", rawURI: "/x?b=1&a=2", headers: [("Host", "h")])
        let canonical = try CanonicalRequest(request: request, signedHeaders: ["host"])
        #expect(canonical.text == "POST\n/x\na=2&b=1\nhost:h\n\nhost\n\(SigV4.emptyPayloadHash)")
        #expect(canonical.digest == Hex.encode(SHA256.hash(Fixture.bytes(canonical.text))))
    }

    @Test func stringToSignLayout() {
        let canonical = CanonicalRequest(method: "GET", uri: "/", query: "", headers: "host:h\n", signedHeaders: ["host"],
                                         payloadHash: SigV4.emptyPayloadHash)
        let scope = CredentialScope(date: "20240706", region: "us-east-1", service: "sts")
        let text = StringToSign(algorithm: .hmacSHA256, amzDate: "20240706T113859Z", scope: scope,
                                canonicalRequest: canonical).text
        #expect(text == "AWS4-HMAC-SHA256\n20240706T113859Z\n20240706/us-east-1/sts/aws4_request\n\(canonical.digest)")
        #expect(scope.formatted == "20240706/us-east-1/sts/aws4_request")
        #expect(CredentialScope(date: Fixture.signingDate, region: "r", service: "s").date == "20240706")
    }

    @Test func rawURIIsSplitAtFirstQuestionMark() {
        let request = SignableRequest(method: "GET", rawURI: "/a%3Fb?x=1?2")
        #expect(request.path == "/a%3Fb")
        #expect(request.rawQuery == "x=1?2")
        #expect(SignableRequest(method: "GET", rawURI: "/only").rawQuery == "")
    }
}
