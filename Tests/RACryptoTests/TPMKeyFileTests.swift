import Foundation
import Testing
import RACrypto

/// `TSS2 PRIVATE KEY` checks made before the TPM is involved, with the official helper's messages,
/// and `handle:` parsing.
struct TPMKeyFileTests {
    /// DER TLV with a short or long length.
    static func tlv(_ tag: UInt8, _ content: [UInt8]) -> [UInt8] {
        if content.count < 0x80 { return [tag, UInt8(content.count)] + content }
        if content.count < 0x100 { return [tag, 0x81, UInt8(content.count)] + content }
        return [tag, 0x82, UInt8(content.count >> 8), UInt8(content.count & 0xFF)] + content
    }

    /// A TPMKey SEQUENCE with the given pieces (blobs carry a correct TPM2B size prefix by default).
    static func key(oid: [UInt8] = [0x67, 0x81, 0x05, 0x0A, 0x01, 0x03], emptyAuth: UInt8? = 0xFF, extra: [UInt8] = [],
                    parent: [UInt8] = [0x40, 0x00, 0x00, 0x01], publicBlob: [UInt8] = [0x00, 0x02, 0xAA, 0xBB],
                    privateBlob: [UInt8] = [0x00, 0x01, 0xCC]) -> [UInt8] {
        var body = tlv(0x06, oid)
        if let emptyAuth { body += tlv(0xA0, tlv(0x01, [emptyAuth])) }
        body += extra + tlv(0x02, parent) + tlv(0x04, publicBlob) + tlv(0x04, privateBlob)
        return tlv(0x30, body)
    }

    @Test func aWellFormedKeyIsRead() throws {
        let file = try TSS2KeyFile(der: Self.key())
        #expect(file.oid == TSS2KeyFile.loadableKeyOID)
        #expect(file.emptyAuth)
        #expect(file.parent == 0x4000_0001)
        // Old engines wrote TRUE as 0x01; it still means "no password".
        #expect(try TSS2KeyFile(der: Self.key(emptyAuth: 0x01)).emptyAuth)
        #expect(try !TSS2KeyFile(der: Self.key(emptyAuth: nil)).emptyAuth)
        #expect(try TSS2KeyFile(der: Self.key(parent: [0x00, 0x81, 0x00, 0x00, 0x01])).parent == 0x8100_0001)
    }

    @Test(arguments: [
        (key(oid: [0x67, 0x81, 0x05, 0x0A, 0x01, 0x04]), "invalid OID for TPMv2 key:2.23.133.10.1.4"),
        (key(extra: tlv(0xA1, tlv(0x30, []))), "TPMv2 policy not implemented yet"),
        (key(extra: tlv(0xA3, tlv(0x30, []))), "TPMv2 policy not implemented yet"),
        (key(extra: tlv(0xA2, tlv(0x04, [1]))), "TPMv2 key has 'secret' field which should not be set"),
        (key(parent: [0x40, 0x00, 0x00, 0x02]), "invalid parent for TPMv2 key"),
        (key(publicBlob: [0x00, 0x05, 0xAA]), "invalid length for TPMv2 PUBLIC blob"),
        (key(privateBlob: [0x01]), "invalid length for TPMv2 PRIVATE blob"),
        ([0x04, 0x00], "could not parse TSS2 PRIVATE KEY"),
    ])
    func unusableKeysGetTheOfficialMessages(der: [UInt8], message: String) {
        let error = #expect(throws: HardwareKeyError.self) { try TSS2KeyFile(der: der) }
        #expect(error?.description == message)
    }

    @Test func aPEMWithoutTheBlockIsRefused() {
        let error = #expect(throws: HardwareKeyError.self) {
            try TSS2KeyFile(pem: Array("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n".utf8))
        }
        #expect(error?.description == "requested block type could not be found")
        #expect(TSS2KeyFile.isTSS2PEM(Array("x\n-----BEGIN TSS2 PRIVATE KEY-----\n".utf8)))
    }

    @Test(.enabled(if: TPMTestSimulator.available)) func keysMadeByTheTPM2ProviderAreRead() throws {
        let tpm = try TPMTestSimulator.get()
        let plain = try TSS2KeyFile(pem: [UInt8](try Data(contentsOf: URL(fileURLWithPath: tpm.path("ec.pem")))))
        #expect(plain.emptyAuth)
        #expect(plain.parent == 0x4000_0001)
        let protected = try TSS2KeyFile(pem: [UInt8](try Data(contentsOf: URL(fileURLWithPath: tpm.path("auth.pem")))))
        #expect(!protected.emptyAuth)
    }

    @Test(arguments: [
        ("handle:0x81000001", UInt32(0x8100_0001)),
        ("handle:81000101", 0x8100_0101),
        ("handle:0x1", 0x1),
    ])
    func handlesAreHex(argument: String, handle: UInt32) throws {
        #expect(try TPMKeyReference(handleArgument: argument) == .persistentHandle(handle))
    }

    @Test(arguments: [
        ("handle:0x8100000g", "invalid hex TPM handle value"),
        ("handle:", "invalid hex TPM handle value"),
        ("handle:0x810000010", "invalid hex TPM handle value"),
        ("handle:0x81:1", "invalid TPM handle format"),
        ("0x81000001", "invalid TPM handle format"),
    ])
    func badHandlesAreRefused(argument: String, message: String) {
        let error = #expect(throws: HardwareKeyError.self) { try TPMKeyReference(handleArgument: argument) }
        #expect(error == .malformed(message))
    }
}
