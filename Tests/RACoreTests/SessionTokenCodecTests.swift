import Foundation
import RACore
import RATestSupport
import Testing

/// The sealed session token: what goes in comes out, and nothing else opens.
struct SessionTokenCodecTests {
    static let key1: [UInt8] = Array(0..<32)
    static let key2: [UInt8] = Array((0..<32).map { UInt8(255 - $0) })

    static let claims = SessionClaims(
        accessKeyId: "ASIAEXAMPLEEXAMPLE12", secretAccessKey: "secret/Example+Key0123456789abcdefghijklm",
        accountId: "123456789012", roleArn: "arn:aws:iam::123456789012:role/EdgeBackupRole", roleId: "AROAEXAMPLE",
        roleName: "EdgeBackupRole", sessionName: "0abc", sourceIdentity: "CN=edge-01",
        tags: [Tag(key: "x509Subject/OU", value: "DataCenter-Northeast")],
        sourceArn: "arn:aws:rolesanywhere:us-east-1:123456789012:trust-anchor/x",
        issuedAt: Date(timeIntervalSince1970: 1_800_000_000), expiresAt: Date(timeIntervalSince1970: 1_800_003_600))

    @Test("seal then open gives the same claims; two seals differ (fresh nonce)")
    func roundTrip() throws {
        let codec = SessionTokenCodec(keys: [1: Self.key1], currentKeyId: 1)
        let token = try codec.seal(Self.claims)
        let other = try codec.seal(Self.claims)
        #expect(token != other)
        #expect(try codec.open(token).get() == Self.claims)
        #expect(try codec.open(other).get() == Self.claims)
        #expect(!token.contains("secret"))
        #expect(!token.contains("EdgeBackupRole"))
    }

    @Test("a token with any byte changed is refused as tampered", arguments: [5, 6, 20, 40, -1])
    func tampered(_ position: Int) throws {
        let codec = SessionTokenCodec(keys: [1: Self.key1], currentKeyId: 1)
        var bytes = Array(try #require(Data(base64Encoded: try codec.seal(Self.claims))))
        let index = position < 0 ? bytes.count + position : position
        bytes[index] ^= 0x40
        #expect(codec.open(Data(bytes).base64EncodedString()) == .failure(.tampered))
    }

    @Test("a token sealed under a key id the server does not hold is refused as unknown key")
    func unknownKey() throws {
        let sealer = SessionTokenCodec(keys: [7: Self.key1], currentKeyId: 7)
        let opener = SessionTokenCodec(keys: [1: Self.key1], currentKeyId: 1)
        #expect(opener.open(try sealer.seal(Self.claims)) == .failure(.unknownKey))
    }

    @Test("changing the key id in the header is detected (it is authenticated)")
    func swappedKeyId() throws {
        let codec = SessionTokenCodec(keys: [1: Self.key1, 2: Self.key1], currentKeyId: 1)
        var bytes = Array(try #require(Data(base64Encoded: try codec.seal(Self.claims))))
        bytes[4] = 2
        #expect(codec.open(Data(bytes).base64EncodedString()) == .failure(.tampered))
    }

    @Test("the same key id with another key does not open")
    func wrongKey() throws {
        let sealer = SessionTokenCodec(keys: [1: Self.key1], currentKeyId: 1)
        let opener = SessionTokenCodec(keys: [1: Self.key2], currentKeyId: 1)
        #expect(opener.open(try sealer.seal(Self.claims)) == .failure(.tampered))
    }

    @Test("after a rotation, tokens under the old key still open and new ones use the new key")
    func rotation() throws {
        let old = SessionTokenCodec(keys: [1: Self.key1], currentKeyId: 1)
        let rotated = SessionTokenCodec(keys: [1: Self.key1, 2: Self.key2], currentKeyId: 2)
        #expect(try rotated.open(try old.seal(Self.claims)).get() == Self.claims)
        let fresh = try rotated.seal(Self.claims)
        #expect(Array(try #require(Data(base64Encoded: fresh)))[0...4] == [1, 0, 0, 0, 2])
        #expect(old.open(fresh) == .failure(.unknownKey))
    }

    @Test("malformed tokens are refused", arguments: ["", "not base64 at all", "AAAA", Data([2, 0, 0, 0, 1] + Array(repeating: 0, count: 40)).base64EncodedString()])
    func malformed(_ token: String) {
        let codec = SessionTokenCodec(keys: [1: Self.key1], currentKeyId: 1)
        #expect(codec.open(token) == .failure(.malformed))
    }
}
