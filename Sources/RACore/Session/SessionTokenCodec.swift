import Foundation
import RACrypto

/// Seals `SessionClaims` into an opaque session token with AES-256-GCM, and opens it again.
///
/// Layout before base64: `0x01` (format), 4-byte key id (big-endian), then nonce‖ciphertext‖tag.
/// The key id lets a replica hold old keys after a rotation; the associated data binds the
/// format and key id so neither can be swapped.
public struct SessionTokenCodec: Sendable {
    public enum OpenFailure: Error, Equatable { case malformed, unknownKey, tampered }

    private let keys: [UInt32: [UInt8]]
    private let currentKeyId: UInt32

    /// `keys` are 32-byte AES keys by id; new tokens are sealed with `currentKeyId`.
    public init(keys: [UInt32: [UInt8]], currentKeyId: UInt32) {
        precondition(keys[currentKeyId]?.count == 32, "the current session key must be 32 bytes")
        self.keys = keys
        self.currentKeyId = currentKeyId
    }

    public func seal(_ claims: SessionClaims) throws -> String {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        let plaintext = Array(try encoder.encode(claims))
        let header = Self.header(keyId: currentKeyId)
        let sealed = try AESGCM.seal(plaintext, key: keys[currentKeyId] ?? [], associatedData: header)
        return Data(header + sealed).base64EncodedString()
    }

    public func open(_ token: String) -> Result<SessionClaims, OpenFailure> {
        guard let data = Data(base64Encoded: token), data.count > 5 + 28, data[data.startIndex] == 1 else { return .failure(.malformed) }
        let bytes = Array(data)
        let keyId = bytes[1...4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        guard let key = keys[keyId] else { return .failure(.unknownKey) }
        guard let plaintext = try? AESGCM.open(Array(bytes[5...]), key: key, associatedData: Array(bytes[0..<5])) else {
            return .failure(.tampered)
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        guard let claims = try? decoder.decode(SessionClaims.self, from: Data(plaintext)) else { return .failure(.malformed) }
        return .success(claims)
    }

    static func header(keyId: UInt32) -> [UInt8] {
        [1, UInt8(keyId >> 24 & 0xFF), UInt8(keyId >> 16 & 0xFF), UInt8(keyId >> 8 & 0xFF), UInt8(keyId & 0xFF)]
    }
}
