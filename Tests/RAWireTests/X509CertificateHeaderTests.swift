import Testing
@testable import RAWire

/// `X-Amz-X509` and `X-Amz-X509-Chain` values.
struct X509CertificateHeaderTests {
    @Test func roundTrip() throws {
        let leaf: [UInt8] = [0x30, 0x82, 0x01, 0xff, 0xfe]
        let other: [UInt8] = [0x30, 0x03, 0x02, 0x01, 0x00]
        #expect(X509CertificateHeader.encode(certificate: leaf) == "MIIB//4=")
        #expect(try X509CertificateHeader.decodeCertificate(" MIIB//4= ") == leaf)
        let chain = X509CertificateHeader.encode(chain: [leaf, other])
        #expect(chain == "MIIB//4=,MAMCAQA=")
        #expect(try X509CertificateHeader.decodeChain("MIIB//4=, MAMCAQA=") == [leaf, other])
    }

    @Test("bad certificate values", arguments: ["", "   ", "not base64!", "MIIB//4"])
    func badCertificate(value: String) {
        #expect(throws: WireError.validation("X-Amz-X509 must be a base64-encoded DER certificate.")) {
            try X509CertificateHeader.decodeCertificate(value)
        }
    }

    @Test("bad chain values", arguments: ["", "MAMCAQA=,", "MAMCAQA=,,MAMCAQA=", "MAMCAQA=,%%%"])
    func badChain(value: String) {
        #expect(throws: WireError.validation("X-Amz-X509-Chain must be comma-separated base64-encoded DER certificates.")) {
            try X509CertificateHeader.decodeChain(value)
        }
    }

    @Test func chainLimitIsFive() throws {
        let five = Array(repeating: "MAMCAQA=", count: 5).joined(separator: ",")
        #expect(try X509CertificateHeader.decodeChain(five).count == 5)
        #expect(throws: WireError.validation("X-Amz-X509-Chain may hold at most 5 certificates.")) {
            try X509CertificateHeader.decodeChain(five + ",MAMCAQA=")
        }
    }
}
