import Foundation
import RACore
import RACrypto
import RATestSupport
import Testing

/// Principal tags from the certificate (spec §3.4): the documented worked example, multi-valued
/// attributes, attribute mappings, and values STS would refuse.
struct SessionTagTests {
    static let documentedIssuer = "C=US,O=Amazon,OU=IAM,ST=Washington,CN=RolesAnywhere,L=Seattle"

    /// The CA and leaf of the documentation's example.
    static func documentedExample(_ pki: TestPKI) throws -> (TestPKI.Authority, TestPKI.Identity) {
        let ca = try pki.authority(try pki.authoritySpec(documentedIssuer), by: nil)
        let spec = try pki.leafSpec("CN=Alice").with {
            $0.subjectAlternativeNames = [.dns("example.com"), .uri("spiffe://example.com/workload/alice"),
                                          .directoryName(try DistinguishedName(parsing: "CN=Alice"))]
        }
        return (ca, try pki.leaf(spec, by: ca, chain: []))
    }

    static let documentedTags: [Tag] = [
        Tag(key: "x509Subject/CN", value: "Alice"),
        Tag(key: "x509Issuer/C", value: "US"),
        Tag(key: "x509Issuer/O", value: "Amazon"),
        Tag(key: "x509Issuer/OU", value: "IAM"),
        Tag(key: "x509Issuer/ST", value: "Washington"),
        Tag(key: "x509Issuer/L", value: "Seattle"),
        Tag(key: "x509Issuer/CN", value: "RolesAnywhere"),
        Tag(key: "x509SAN/DNS", value: "example.com"),
        Tag(key: "x509SAN/URI", value: "spiffe://example.com/workload/alice"),
        Tag(key: "x509SAN/Name/CN", value: "Alice"),
    ]

    static let allowAll = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"rolesanywhere.amazonaws.com"},"Action":["sts:AssumeRole","sts:TagSession","sts:SetSourceIdentity"]}]}"#

    @Test("the documented example yields exactly the documented tags")
    func documented() throws {
        let pki = try TestPKI()
        let (_, alice) = try Self.documentedExample(pki)
        let tags = SessionTags.derive(from: alice.certificate, mappings: AttributeMapping.defaults)
        #expect(tags == Self.documentedTags)
    }

    @Test("the documented example's tags travel in the issued session")
    func documentedEndToEnd() throws {
        let world = try TestWorld()
        let (ca, alice) = try Self.documentedExample(world.pki)
        try world.anchor(on: [ca.certificate])
        try world.updateRole { $0.assumeRolePolicyDocument = Self.allowAll }
        let result = try world.granted(try world.request(from: alice))
        #expect(result.grant.tags == Self.documentedTags)
        let claims = try world.codec.open(result.credentials.sessionToken).get()
        #expect(claims.tags == Self.documentedTags)
        #expect(claims.sourceIdentity == "CN=Alice")
    }

    @Test("only the first DNS, URI and directory name of the SAN are used; IP and email are not")
    func firstSANValues() throws {
        let pki = try TestPKI()
        let identity = try pki.leaf(try pki.leafSpec("CN=edge-01").with {
            $0.subjectAlternativeNames = [
                .email("ops@example.com"), .ipAddress("192.0.2.7"), .dns("first.example.com"), .dns("second.example.com"),
                .uri("spiffe://example.com/first"), .uri("spiffe://example.com/second"),
                .directoryName(try DistinguishedName(parsing: "CN=First,O=Dir")), .directoryName(try DistinguishedName(parsing: "CN=Second")),
            ]
        })
        let san = SessionTags.derive(from: identity.certificate, mappings: AttributeMapping.defaults).filter { $0.key.hasPrefix("x509SAN/") }
        #expect(san == [Tag(key: "x509SAN/DNS", value: "first.example.com"), Tag(key: "x509SAN/URI", value: "spiffe://example.com/first"),
                        Tag(key: "x509SAN/Name/O", value: "Dir"), Tag(key: "x509SAN/Name/CN", value: "First")])
    }

    @Test("a multi-valued attribute becomes one tag joined with '/' in certificate order")
    func multiValued() throws {
        let pki = try TestPKI()
        let identity = try pki.leaf(try pki.leafSpec("CN=edge-01,OU=Security,OU=Engineering,OU=Research,O=Example Corp"))
        let tags = SessionTags.derive(from: identity.certificate, mappings: [AttributeMapping(certificateField: .x509Subject, specifiers: ["*"])])
        #expect(tags == [Tag(key: "x509Subject/O", value: "Example Corp"),
                         Tag(key: "x509Subject/OU", value: "Security/Engineering/Research"),
                         Tag(key: "x509Subject/CN", value: "edge-01")])
    }

    struct MappingCase: Sendable, CustomTestStringConvertible {
        let name: String
        let mappings: [AttributeMapping]
        let keys: [String]
        var testDescription: String { name }
    }

    static let mappingCases: [MappingCase] = [
        MappingCase(name: "no mappings: no tags", mappings: [], keys: []),
        MappingCase(name: "subject CN only",
                    mappings: [AttributeMapping(certificateField: .x509Subject, specifiers: ["CN"])],
                    keys: ["x509Subject/CN"]),
        MappingCase(name: "issuer O and CN, SAN DNS",
                    mappings: [AttributeMapping(certificateField: .x509Issuer, specifiers: ["O", "CN"]),
                               AttributeMapping(certificateField: .x509SAN, specifiers: ["DNS"])],
                    keys: ["x509Issuer/O", "x509Issuer/CN", "x509SAN/DNS"]),
        MappingCase(name: "SAN 'Name' means 'Name/*'",
                    mappings: [AttributeMapping(certificateField: .x509SAN, specifiers: ["Name"])],
                    keys: ["x509SAN/Name/CN"]),
        MappingCase(name: "SAN 'Name/' means 'Name/*'",
                    mappings: [AttributeMapping(certificateField: .x509SAN, specifiers: ["Name/"])],
                    keys: ["x509SAN/Name/CN"]),
        MappingCase(name: "defaults without the issuer field",
                    mappings: AttributeMapping.defaults.filter { $0.certificateField != .x509Issuer },
                    keys: ["x509Subject/CN", "x509SAN/DNS", "x509SAN/URI", "x509SAN/Name/CN"]),
        MappingCase(name: "a specifier for an absent attribute adds nothing",
                    mappings: [AttributeMapping(certificateField: .x509Subject, specifiers: ["OU", "UID"])],
                    keys: []),
    ]

    @Test("attribute mappings select which fields become tags", arguments: mappingCases)
    func mappings(_ testCase: MappingCase) throws {
        let pki = try TestPKI()
        let (_, alice) = try Self.documentedExample(pki)
        #expect(SessionTags.derive(from: alice.certificate, mappings: testCase.mappings).map(\.key) == testCase.keys)
    }

    @Test("a profile's mapping that drops x509Subject/OU makes the article's trust policy deny")
    func mappingChangesPolicyOutcome() throws {
        let world = try TestWorld()
        try world.updateProfile { $0.attributeMappings = [AttributeMapping(certificateField: .x509Subject, specifiers: ["CN"])] }
        let failure = try world.refused(try world.request())
        #expect(failure.message == "Not authorized to perform sts:AssumeRole on the requested role.")
    }

    @Test("values STS would refuse are dropped, not truncated; the rest stay")
    func invalidValuesDropped() throws {
        let pki = try TestPKI()
        let identity = try pki.leaf(try pki.leafSpec(#"CN=edge-01,O=Acme (Labs),OU=R\,D,L=Zürich"#).with {
            $0.subjectAlternativeNames = [.dns("*.example.com"), .uri("spiffe://example.com/a?b=c")]
        })
        let tags = SessionTags.derive(from: identity.certificate, mappings: AttributeMapping.defaults)
            .filter { !$0.key.hasPrefix("x509Issuer/") }
        #expect(tags == [Tag(key: "x509Subject/L", value: "Zürich"), Tag(key: "x509Subject/CN", value: "edge-01")])
    }

    @Test("tag text rules: letters, numbers, spaces and _ . : / = + - @ only", arguments: [
        ("DataCenter-Northeast", true), ("spiffe://example.com/x", true), ("a b", true), ("user@example.com", true),
        ("Zürich", true), ("東京", true), ("a=b+c", true), ("", true),
        ("a,b", false), ("a(b)", false), ("a*b", false), ("a?b", false), ("a;b", false), ("a#b", false), ("a\"b", false),
    ])
    func tagText(_ text: String, _ valid: Bool) {
        #expect(SessionTags.isTagText(text) == valid)
        #expect(SessionTags.isValid(Tag(key: "x509Subject/CN", value: text)) == valid)
    }

    @Test("a value longer than 256 characters is dropped")
    func longValue() {
        #expect(SessionTags.isValid(Tag(key: "k", value: String(repeating: "a", count: 256))))
        #expect(!SessionTags.isValid(Tag(key: "k", value: String(repeating: "a", count: 257))))
        #expect(!SessionTags.isValid(Tag(key: "", value: "v")))
        #expect(!SessionTags.isValid(Tag(key: String(repeating: "k", count: 129), value: "v")))
    }
}
