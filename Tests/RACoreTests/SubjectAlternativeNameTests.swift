import RACore
import RACrypto
import Testing

/// `ca issue --san KIND:VALUE`: every kind it accepts, and errors that list all of them.
struct SubjectAlternativeNameTests {
    @Test("each accepted kind", arguments: [
        ("dns:ra.example.internal", GeneralName.dns("ra.example.internal")), ("DNS:a", .dns("a")),
        ("uri:spiffe://example/edge", .uri("spiffe://example/edge")), ("email:ops@example.com", .email("ops@example.com")),
        ("ip:127.0.0.1", .ipAddress("127.0.0.1")),
    ])
    func accepted(_ text: String, _ expected: GeneralName) throws {
        #expect(try CertificateAuthority.parseSubjectAlternativeName(text) == expected)
    }

    @Test("errors name every accepted kind, ip: included", arguments: [
        ("foo:bar", "--san 'foo:bar': unknown kind 'foo'; use dns:, uri:, email: or ip:"),
        ("nocolon", "--san 'nocolon' must be dns:NAME, uri:URI, email:ADDR or ip:ADDR"),
        ("dns:", "--san 'dns:' has an empty value"),
    ])
    func refused(_ text: String, _ message: String) throws {
        let failure = try #require(throws: ServiceFailure.self) { try CertificateAuthority.parseSubjectAlternativeName(text) }
        #expect(failure.message == message)
    }
}
