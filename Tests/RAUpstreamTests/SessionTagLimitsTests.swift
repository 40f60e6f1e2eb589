import RACore
import Testing
@testable import RAUpstream

@Suite struct SessionTagLimitsTests {
    @Test func keepsTheFirstFiftyAndNamesTheRest() {
        let tags = (1...53).map { Tag(key: "k\($0)", value: "v\($0)") }
        let fitted = SessionTagLimits.fit(tags)
        #expect(fitted.tags == Array(tags.prefix(50)))
        #expect(fitted.notes == ["3 session tag(s) beyond STS's limit of 50 not sent upstream: \"k51\", \"k52\", \"k53\""])
    }

    @Test func dropsInvalidAndDuplicateTagsBeforeCounting() {
        let long = String(repeating: "a", count: 129)
        let tags = [
            Tag(key: "x509Subject/CN", value: "ok"),
            Tag(key: long, value: "v"),
            Tag(key: "value", value: String(repeating: "b", count: 257)),
            Tag(key: "bad*key", value: "v"),
            Tag(key: "X509SUBJECT/cn", value: "dup"),
            Tag(key: "", value: "v"),
            Tag(key: "x509Subject/OU", value: "semi;colon"),
            Tag(key: "edge", value: String(repeating: "c", count: 256)),
        ]
        let fitted = SessionTagLimits.fit(tags)
        #expect(fitted.tags == [Tag(key: "x509Subject/CN", value: "ok"), Tag(key: "edge", value: String(repeating: "c", count: 256))])
        #expect(fitted.notes == [
            "session tag \"\(String(repeating: "a", count: 61))...\" not sent upstream: key longer than 128 characters",
            "session tag \"value\" not sent upstream: value longer than 256 characters",
            "session tag \"bad*key\" not sent upstream: key contains characters STS does not allow",
            "session tag \"X509SUBJECT/cn\" not sent upstream: duplicates an earlier key ignoring case",
            "session tag \"\" not sent upstream: empty key",
            "session tag \"x509Subject/OU\" not sent upstream: value contains characters STS does not allow",
        ])
    }

    @Test func fittingIsDeterministic() {
        let tags = (1...60).map { Tag(key: "k\($0 % 7)-\($0)", value: "v") }
        let first = SessionTagLimits.fit(tags)
        let second = SessionTagLimits.fit(tags)
        #expect(first.tags == second.tags)
        #expect(first.notes == second.notes)
    }

    @Test(arguments: [
        ("CN=test", "CN=test", nil),
        ("CN=John Smith", "CN=John_Smith",
         "source identity \"CN=John Smith\" sent upstream as \"CN=John_Smith\" (STS allows 2-64 characters of [A-Za-z0-9_+=,.@-])"),
        ("CN=Zoë", "CN=Zo_", "source identity \"CN=Zoë\" sent upstream as \"CN=Zo_\" (STS allows 2-64 characters of [A-Za-z0-9_+=,.@-])"),
        ("x", nil, "source identity \"x\" not sent upstream: shorter than 2 characters"),
        ("", nil, nil),
    ] as [(String, String?, String?)])
    func fitsTheSourceIdentity(input: String, sent: String?, note: String?) {
        let fitted = SessionTagLimits.fitSourceIdentity(input)
        #expect(fitted.sourceIdentity == sent)
        #expect(fitted.note == note)
    }

    @Test func cutsALongSourceIdentityToSixtyFourCharacters() {
        let identity = "ID=" + String(repeating: "ab", count: 40)
        let fitted = SessionTagLimits.fitSourceIdentity(identity)
        #expect(fitted.sourceIdentity == String(identity.prefix(64)))
        #expect(fitted.note != nil)
    }
}
