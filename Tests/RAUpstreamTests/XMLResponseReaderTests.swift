import Testing
@testable import RAUpstream

@Suite struct XMLResponseReaderTests {
    @Test func readsAnSTSDocumentWithNamespaceAndWhitespace() throws {
        let root = try XMLResponseReader.parse("""
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- leading comment -->
            <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
              <GetCallerIdentityResult>
                <Arn>arn:aws:iam::123456789012:user/broker</Arn>
                <UserId>AIDAEXAMPLE</UserId>
                <Account>123456789012</Account>
              </GetCallerIdentityResult>
              <ResponseMetadata><RequestId>01234567-89ab</RequestId></ResponseMetadata>
            </GetCallerIdentityResponse>
            """)
        #expect(root.name == "GetCallerIdentityResponse")
        #expect(root.attributes == ["xmlns": "https://sts.amazonaws.com/doc/2011-06-15/"])
        #expect(root.path("GetCallerIdentityResult", "Arn")?.value == "arn:aws:iam::123456789012:user/broker")
        #expect(root.path("GetCallerIdentityResult", "Account")?.value == "123456789012")
        #expect(root.descendant("RequestId")?.value == "01234567-89ab")
        #expect(root.child("Missing") == nil)
    }

    @Test(arguments: [
        ("<a>x &amp; y &lt;z&gt; &quot;q&quot; &apos;s&apos;</a>", "x & y <z> \"q\" 's'"),
        ("<a>&#65;&#x42;&#x20AC;</a>", "AB€"),
        ("<a><![CDATA[<not> & a tag]]></a>", "<not> & a tag"),
        ("<a>be<!-- hidden -->fore</a>", "before"),
        ("<a>é ü 中</a>", "é ü 中"),
        ("<sts:a xmlns:sts=\"urn:x\">v</sts:a>", "v"),
        ("\u{FEFF}<a>bom</a>", "bom"),
        ("<a/>", ""),
        ("<a  b = 'one' c=\"two\" />", ""),
    ])
    func decodesText(document: String, expected: String) throws {
        let root = try XMLResponseReader.parse(document)
        #expect(root.name == "a")
        #expect(root.text == expected)
    }

    @Test func keepsAttributesDecoded() throws {
        let root = try XMLResponseReader.parse("<a b='1 &amp; 2' c=\"&lt;\"><d/></a>")
        #expect(root.attributes == ["b": "1 & 2", "c": "<"])
        #expect(root.children.map(\.name) == ["d"])
    }

    @Test(arguments: [
        ("", "expected the root element"),
        ("<a><b></a>", "closing tag </a> does not match <b>"),
        ("<a>", "unterminated element <a>"),
        ("<!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>", "document type declarations are not accepted"),
        ("<a>&bogus;</a>", "unknown entity &bogus;"),
        ("<a>&amp</a>", "unterminated entity reference"),
        ("<a></a><b></b>", "content after the root element"),
        ("<a b=c></a>", "attribute b is not quoted"),
        ("<a><!-- open</a>", "unterminated construct, expected -->"),
        ("<a>&#0;</a>", "unknown entity &#0;"),
    ])
    func refusesMalformedDocuments(document: String, message: String) {
        #expect(throws: XMLResponseError.self) { try XMLResponseReader.parse(document) }
        do {
            _ = try XMLResponseReader.parse(document)
        } catch {
            #expect(error.message == message)
        }
    }

    @Test func refusesExcessiveNesting() {
        let depth = XMLResponseReader.maximumDepth + 1
        let document = String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
        #expect(throws: XMLResponseError(message: "elements nested too deeply", offset: 3 * (depth - 1))) {
            try XMLResponseReader.parse(document)
        }
        let fine = String(repeating: "<a>", count: depth - 1) + String(repeating: "</a>", count: depth - 1)
        #expect(throws: Never.self) { try XMLResponseReader.parse(fine) }
    }
}
