import Foundation
import RACore
import RACrypto
import RATestSupport
import Testing

/// Source identity (spec §3.3) and the default role session name (spec §3.2).
struct SessionIdentityTests {
    static func certificate(subject: String, serial: SerialNumber = .random()) throws -> Certificate {
        let pki = try TestPKI()
        return try pki.leaf(try pki.leafSpec(subject).with { $0.serial = serial }).certificate
    }

    @Test("CN of up to 61 characters gives CN=<cn>; 62 to 64 gives the bare CN", arguments: [1, 2, 60, 61, 62, 63, 64])
    func commonNameLength(_ length: Int) throws {
        let cn = String(repeating: "c", count: length)
        let identity = SessionIdentity.sourceIdentity(for: try Self.certificate(subject: "CN=\(cn),O=Example Corp"))
        #expect(identity == (length <= 61 ? "CN=" + cn : cn))
        #expect(identity.count <= 64)
    }

    @Test("no CN gives ID=<serial hex>, left-padded to an even number of digits", arguments: [
        ([UInt8]([0x01, 0x23]), "ID=0123"),   // 291
        ([0x45, 0x67], "ID=4567"),            // 17767
        ([0x05], "ID=05"),
        ([0x00, 0x0a, 0xbc], "ID=0abc"),
        ([0xab, 0xcd, 0xef, 0x01], "ID=abcdef01"),
    ])
    func serialIdentity(_ bytes: [UInt8], _ expected: String) throws {
        let serial = SerialNumber(bytes: bytes)
        let identity = SessionIdentity.sourceIdentity(for: try Self.certificate(subject: "O=Example Corp,OU=Edge", serial: serial))
        #expect(identity == expected)
    }

    @Test("the documented decimal examples: serial 291 → ID=0123, 17767 → ID=4567")
    func documentedDecimals() throws {
        for (decimal, expected) in [("291", "ID=0123"), ("17767", "ID=4567")] {
            let serial = try #require(SerialNumber(decimal: decimal))
            #expect(SessionIdentity.sourceIdentity(for: try Self.certificate(subject: "O=Example Corp", serial: serial)) == expected)
        }
    }

    @Test("the first CN is used when there are several")
    func firstCommonName() throws {
        let identity = SessionIdentity.sourceIdentity(for: try Self.certificate(subject: "CN=first,CN=second,O=Example Corp"))
        #expect(identity == "CN=first")
    }

    @Test("a CN with characters STS refuses falls back to ID=<serial hex>")
    func unusableCommonName() throws {
        let serial = SerialNumber(bytes: [0x12, 0x34])
        let identity = SessionIdentity.sourceIdentity(for: try Self.certificate(subject: "CN=edge (01),O=Example Corp", serial: serial))
        #expect(identity == "ID=1234")
    }

    @Test("the default session name is the serial in lower-case hex", arguments: [
        ([UInt8]([0x01, 0x23]), "0123"),
        ([0x2a, 0x99, 0x02, 0x11, 0x97, 0x21, 0xab, 0x7b, 0x5c, 0x19, 0xa8, 0x78, 0xc4, 0xc6, 0x6a, 0xf7, 0x05, 0x89, 0x5b, 0x42],
         "2a9902119721ab7b5c19a878c4c66af705895b42"),
        ([0x7f], "7f"),
    ])
    func defaultSessionName(_ bytes: [UInt8], _ expected: String) throws {
        let certificate = try Self.certificate(subject: "CN=edge-01", serial: SerialNumber(bytes: bytes))
        #expect(SessionIdentity.defaultSessionName(for: certificate) == expected)
    }

    @Test("a granted session is named after the serial and carries the source identity")
    func granted() throws {
        let world = try TestWorld()
        let identity = try world.leaf { $0.serial = SerialNumber(bytes: [0x0a, 0xbc, 0xde, 0xf0]) }
        let result = try world.granted(try world.request(from: identity))
        #expect(result.grant.sessionName == "0abcdef0")
        #expect(result.grant.assumedRoleArn == "arn:aws:sts::123456789012:assumed-role/EdgeBackupRole/0abcdef0")
        #expect(result.grant.sourceIdentity == "CN=edge-01")
        #expect(result.grant.sourceArn == world.trustAnchor.trustAnchorArn)
    }

    @Test("session names follow STS's pattern", arguments: [
        ("ab", true), ("backup-job_7@example.com", true), ("a=b,c+d.e", true), (String(repeating: "n", count: 64), true),
        ("a", false), (String(repeating: "n", count: 65), false), ("with space", false), ("slash/no", false), ("ümlaut", false),
    ])
    func sessionNamePattern(_ name: String, _ valid: Bool) {
        #expect(SessionIdentity.isValidSessionName(name) == valid)
    }
}
