import Testing
@testable import RAWire

/// rest-json and query/XML error documents, byte for byte.
struct WireErrorRenderingTests {
    @Test func restJSON() {
        let rendered = WireError.accessDenied("Untrusted Signing Certificate").renderedAsJSON(requestID: "req-1")
        #expect(rendered.status == 403)
        #expect(rendered.headers.map { "\($0.name): \($0.value)" } == [
            "Content-Type: application/json", "X-Amzn-ErrorType: AccessDeniedException", "x-amzn-RequestId: req-1",
        ])
        #expect(Fixture.text(rendered.body) == #"{"__type":"AccessDeniedException","message":"Untrusted Signing Certificate"}"#)
        #expect(rendered.header("x-amzn-errortype") == "AccessDeniedException")
    }

    @Test func restJSONEscapesMessage() {
        let error = WireError.validation("Value 'a\"b\\c' at 'name'\n")
        #expect(Fixture.text(error.renderedAsJSON(requestID: "r").body)
            == #"{"__type":"ValidationException","message":"Value 'a\"b\\c' at 'name'\n"}"#)
    }

    @Test func stsXML() {
        let rendered = WireError.signatureDoesNotMatch("The request signature we calculated does not match the signature you provided.")
            .renderedAsXML(namespace: .sts, requestID: "c6104cbe-af31-11e0-8154-cbc7ccf896c7")
        #expect(rendered.status == 403)
        #expect(rendered.headers.map { "\($0.name): \($0.value)" } == [
            "Content-Type: text/xml", "x-amzn-RequestId: c6104cbe-af31-11e0-8154-cbc7ccf896c7",
        ])
        #expect(Fixture.text(rendered.body) == "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
            + "<Error><Type>Sender</Type><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated "
            + "does not match the signature you provided.</Message></Error>"
            + "<RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ErrorResponse>")
    }

    @Test func iamXMLEscapesAndMarksServerFaults() {
        let rendered = WireError(status: 500, code: "ServiceFailure", message: "a < b & c > \"d\" 'e'")
            .renderedAsXML(namespace: .iam, requestID: "r&1")
        #expect(rendered.status == 500)
        #expect(Fixture.text(rendered.body) == "<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">"
            + "<Error><Type>Receiver</Type><Code>ServiceFailure</Code>"
            + "<Message>a &lt; b &amp; c &gt; &quot;d&quot; &apos;e&apos;</Message></Error>"
            + "<RequestId>r&amp;1</RequestId></ErrorResponse>")
    }

    @Test("factories", arguments: [
        (WireError.accessDenied("m"), 403, "AccessDeniedException"),
        (.validation("m"), 400, "ValidationException"),
        (.resourceNotFound("m"), 404, "ResourceNotFoundException"),
        (.serialization("m"), 400, "SerializationException"),
        (.incompleteSignature("m"), 400, "IncompleteSignatureException"),
        (.invalidSignature("m"), 403, "InvalidSignatureException"),
        (.signatureDoesNotMatch("m"), 403, "SignatureDoesNotMatch"),
        (.malformedQueryString("m"), 400, "MalformedQueryString"),
        (.throttling("m"), 429, "ThrottlingException"),
        (.internalFailure("m"), 500, "InternalFailure"),
    ])
    func factories(error: WireError, status: Int, code: String) {
        #expect(error.status == status)
        #expect(error.code == code)
        #expect(error.description == "\(code): m")
        #expect(error.isSenderFault == (status < 500))
    }
}
