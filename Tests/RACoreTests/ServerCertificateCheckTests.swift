import Foundation
import RACore
import RACrypto
import RATestSupport
import Testing

/// The start-up warnings `serve` logs about its TLS certificate.
struct ServerCertificateCheckTests {
    static let now = TestPKI.referenceDate

    /// A server certificate from a fresh test PKI, bent by `change`.
    static func pem(_ change: (inout CertificateSpec) -> Void = { _ in }) throws -> String {
        let pki = try TestPKI(now: now)
        var spec = try pki.leafSpec("CN=ra.example.internal")
        spec.extendedKeyUsage = ["serverAuth"]
        spec.keyUsage = [.digitalSignature, .keyEncipherment]
        spec.subjectAlternativeNames = [.dns("ra.example.internal"), .ipAddress("127.0.0.1")]
        change(&spec)
        return try pki.leaf(spec).certificate.pem
    }

    @Test("a good certificate gets no warning", arguments: ["127.0.0.1", "ra.example.internal", "RA.Example.Internal", "0.0.0.0", "::"])
    func good(_ host: String) throws {
        #expect(ServerCertificateCheck.warnings(certificatePEM: try Self.pem(), listenHost: host, now: Self.now) == [])
    }

    @Test("an expired certificate is named with its end date")
    func expired() throws {
        let pem = try Self.pem { $0.notAfter = Self.now - 60 }
        #expect(ServerCertificateCheck.warnings(certificatePEM: pem, listenHost: "127.0.0.1", now: Self.now) == [
            "the TLS certificate CN=ra.example.internal expired at 2027-01-15T07:59:00Z; clients will refuse the connection",
        ])
    }

    @Test("a certificate not valid yet is named with its start date")
    func notYetValid() throws {
        let pem = try Self.pem { $0.notBefore = Self.now + 3600 }
        #expect(ServerCertificateCheck.warnings(certificatePEM: pem, listenHost: "127.0.0.1", now: Self.now) == [
            "the TLS certificate CN=ra.example.internal is not valid before 2027-01-15T09:00:00Z; clients will refuse the connection",
        ])
    }

    @Test("an EKU without serverAuth is a warning; no EKU at all is not")
    func extendedKeyUsage() throws {
        let client = try Self.pem { $0.extendedKeyUsage = ["clientAuth"] }
        #expect(ServerCertificateCheck.warnings(certificatePEM: client, listenHost: "127.0.0.1", now: Self.now) == [
            "the TLS certificate CN=ra.example.internal has an extended key usage without serverAuth (1.3.6.1.5.5.7.3.1); clients will refuse it for a server",
        ])
        let none = try Self.pem { $0.extendedKeyUsage = [] }
        #expect(ServerCertificateCheck.warnings(certificatePEM: none, listenHost: "127.0.0.1", now: Self.now) == [])
    }

    @Test("a certificate without SANs, or with others than the listen host, is a warning")
    func names() throws {
        let bare = try Self.pem { $0.subjectAlternativeNames = [] }
        #expect(ServerCertificateCheck.warnings(certificatePEM: bare, listenHost: "127.0.0.1", now: Self.now) == [
            "the TLS certificate CN=ra.example.internal has no DNS or IP subjectAlternativeName; clients (Python, Go, curl) will not accept it for 127.0.0.1",
        ])
        let other = try Self.pem { $0.subjectAlternativeNames = [.dns("other.example"), .ipAddress("10.0.0.1")] }
        #expect(ServerCertificateCheck.warnings(certificatePEM: other, listenHost: "127.0.0.1", now: Self.now) == [
            "the TLS certificate CN=ra.example.internal names DNS:other.example, IP:10.0.0.1, not the listen host 127.0.0.1; clients connecting to 127.0.0.1 will refuse it",
        ])
    }

    @Test("localhost covers a loopback listener; a wildcard covers one label", arguments: [
        ("127.0.0.1", GeneralName.dns("localhost"), true), ("::1", .dns("localhost"), true),
        ("10.1.2.3", .dns("localhost"), false), ("ra.example.internal", .dns("*.example.internal"), true),
        ("a.ra.example.internal", .dns("*.example.internal"), false), ("::1", .ipAddress("::1"), true),
    ])
    func matching(_ host: String, _ name: GeneralName, _ accepted: Bool) throws {
        let pem = try Self.pem { $0.subjectAlternativeNames = [name] }
        #expect(ServerCertificateCheck.warnings(certificatePEM: pem, listenHost: host, now: Self.now).isEmpty == accepted)
    }

    @Test("a file without a certificate says so")
    func unreadable() {
        #expect(ServerCertificateCheck.warnings(certificatePEM: "", listenHost: "127.0.0.1", now: Self.now)
            == ["the TLS certificate file holds no certificate"])
    }
}
