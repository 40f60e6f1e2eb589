import Testing
@testable import RAWire

/// Form bodies and the STS GetCallerIdentity document.
struct QueryProtocolTests {
    @Test func getCallerIdentityForm() throws {
        let form = try FormParameters(parsing: "Action=GetCallerIdentity&Version=2011-06-15")
        #expect(form["Action"] == "GetCallerIdentity")
        #expect(form["Version"] == "2011-06-15")
        #expect(form["action"] == nil)
    }

    @Test("form decoding", arguments: [
        ("a=b+c&a=%2B%26%3D", [["a", "b c"], ["a", "+&="]]),
        ("flag&empty=&=v", [["flag", ""], ["empty", ""], ["", "v"]]),
        ("&&x=1&", [["x", "1"]]),
        ("RoleSessionName=caf%C3%A9&k=%e9", [["RoleSessionName", "café"], ["k", "\u{FFFD}"]]),
        ("", []),
    ])
    func formDecoding(body: String, expected: [[String]]) throws {
        let form = try FormParameters(parsing: Fixture.bytes(body))
        #expect(form.pairs.map { [$0.name, $0.value] } == expected)
    }

    @Test func repeatedValuesKeepOrder() throws {
        let form = try FormParameters(parsing: "Tags.member.1=a&x=0&Tags.member.1=b")
        #expect(form.values("Tags.member.1") == ["a", "b"])
    }

    @Test func brokenEscapeIsRejected() {
        #expect(throws: WireError.malformedQueryString("The form body contains an invalid percent-encoding.")) {
            try FormParameters(parsing: "Action=Get%2")
        }
    }

    @Test func getCallerIdentityXML() {
        let response = GetCallerIdentityResponse(arn: "arn:aws:sts::111122223333:assumed-role/Workload/a&b",
                                                 userId: "AROAEXAMPLE:a&b", account: "111122223333", requestID: "req-7")
        let expected = "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
            + "<GetCallerIdentityResult><Arn>arn:aws:sts::111122223333:assumed-role/Workload/a&amp;b</Arn>"
            + "<UserId>AROAEXAMPLE:a&amp;b</UserId><Account>111122223333</Account></GetCallerIdentityResult>"
            + "<ResponseMetadata><RequestId>req-7</RequestId></ResponseMetadata></GetCallerIdentityResponse>"
        #expect(response.xml == expected)
        let rendered = response.rendered()
        #expect(rendered.status == 200)
        #expect(rendered.header("content-type") == "text/xml")
        #expect(rendered.header("x-amzn-requestid") == "req-7")
        #expect(Fixture.text(rendered.body) == expected)
    }
}
