import Foundation
import RACore
import RACrypto
import RATestSupport
import Testing

/// Imported CRLs (spec §2.3-9): an enabled list signed by the certificate's issuer revokes it,
/// whether it is the leaf or an intermediate; lists from anyone else, or disabled, change nothing.
struct RevocationTests {
    @Test("a leaf listed on its issuer's CRL is untrusted")
    func revokedLeaf() throws {
        let world = try TestWorld()
        let serial = world.client.certificate.serialNumber
        try world.importCRL(try world.pki.crl(by: world.pki.intermediate, revoking: [serial]), name: "issuing-ca-crl")
        let failure = try world.refused(try world.request())
        #expect(failure.code == .accessDenied)
        #expect(failure.httpStatus == 403)
        #expect(failure.message == "Untrusted Signing Certificate")
        #expect(failure.reason == "certificate serial \(serial.hexString) (CN=edge-01,OU=DataCenter-Northeast,O=Example Corp) is revoked by CRL 'issuing-ca-crl'")
    }

    @Test("an intermediate listed on the root's CRL makes every leaf below it untrusted")
    func revokedIntermediate() throws {
        let world = try TestWorld()
        let serial = world.pki.intermediate.certificate.serialNumber
        try world.importCRL(try world.pki.crl(by: world.pki.root, revoking: [serial]), name: "root-crl")
        let failure = try world.refused(try world.request())
        #expect(failure.message == "Untrusted Signing Certificate")
        #expect(failure.reason == "certificate serial \(serial.hexString) (CN=Test Issuing CA,O=Example Corp) is revoked by CRL 'root-crl'")
    }

    @Test("a CRL with the issuer's name but another key is ignored")
    func forgedIssuer() throws {
        let world = try TestWorld()
        let impostor = try world.pki.authority(try world.pki.authoritySpec("CN=Test Issuing CA,O=Example Corp"), by: nil)
        let list = try world.pki.crl(by: impostor, revoking: [world.client.certificate.serialNumber])
        #expect(list.issuer == world.client.certificate.issuer)
        try world.importCRL(list, name: "forged")
        _ = try world.granted(try world.request())
    }

    @Test("a CRL from an unrelated CA listing the same serial is ignored")
    func unrelatedIssuer() throws {
        let world = try TestWorld()
        let other = try world.pki.authority(try world.pki.authoritySpec("CN=Unrelated CA,O=Elsewhere"), by: nil)
        try world.importCRL(try world.pki.crl(by: other, revoking: [world.client.certificate.serialNumber]), name: "unrelated")
        _ = try world.granted(try world.request())
    }

    @Test("a disabled CRL is not consulted")
    func disabledList() throws {
        let world = try TestWorld()
        let list = try world.pki.crl(by: world.pki.intermediate, revoking: [world.client.certificate.serialNumber])
        try world.importCRL(list, name: "parked", enabled: false)
        _ = try world.granted(try world.request())
    }

    @Test("a CRL that lists other serials leaves the leaf trusted")
    func otherSerials() throws {
        let world = try TestWorld()
        let list = try world.pki.crl(by: world.pki.intermediate, revoking: [SerialNumber(bytes: [0x01, 0x23]), SerialNumber(bytes: [0x45])])
        try world.importCRL(list, name: "others")
        _ = try world.granted(try world.request())
    }

    @Test("revocation takes effect at the next request, without a restart")
    func immediate() throws {
        let world = try TestWorld()
        let service = world.service()
        #expect(throws: Never.self) { try service.handle(CreateSessionRequest(try world.request())).get() }
        try world.importCRL(try world.pki.crl(by: world.pki.intermediate, revoking: [world.client.certificate.serialNumber]),
                            name: "now")
        let failure = service.handle(CreateSessionRequest(try world.request())).failureValue
        #expect(failure?.message == "Untrusted Signing Certificate")
    }
}
