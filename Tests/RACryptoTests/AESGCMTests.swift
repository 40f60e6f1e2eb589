import Testing
import RACrypto

@Suite struct AESGCMTests {
    let key = SecureRandom.bytes(32)
    let aad = Array("trust-anchor/1234".utf8)

    @Test(arguments: [0, 1, 15, 16, 17, 1000])
    func roundTrip(length: Int) throws {
        let plaintext = SecureRandom.bytes(length)
        let sealed = try AESGCM.seal(plaintext, key: key, associatedData: aad)
        #expect(sealed.count == 12 + length + 16)
        #expect(try AESGCM.open(sealed, key: key, associatedData: aad) == plaintext)
    }

    @Test func nonceIsFreshEachTime() throws {
        let a = try AESGCM.seal([1, 2, 3], key: key, associatedData: [])
        let b = try AESGCM.seal([1, 2, 3], key: key, associatedData: [])
        #expect(a != b)
        #expect(Array(a.prefix(12)) != Array(b.prefix(12)))
    }

    @Test(arguments: [0, 12, 20, 35])
    func tamperedByteIsRejected(position: Int) throws {
        var sealed = try AESGCM.seal(Array("secret material".utf8), key: key, associatedData: aad)
        sealed[position] ^= 0x01
        #expect(throws: CryptoError.authenticationFailed) { try AESGCM.open(sealed, key: key, associatedData: aad) }
    }

    @Test func wrongAssociatedDataOrKeyIsRejected() throws {
        let sealed = try AESGCM.seal(Array("secret".utf8), key: key, associatedData: aad)
        #expect(throws: CryptoError.authenticationFailed) { try AESGCM.open(sealed, key: key, associatedData: []) }
        #expect(throws: CryptoError.authenticationFailed) {
            try AESGCM.open(sealed, key: SecureRandom.bytes(32), associatedData: aad)
        }
    }

    @Test func badSizesAreMalformed() {
        #expect(throws: CryptoError.malformed("AES-256-GCM key must be 32 bytes, got 16")) {
            try AESGCM.seal([1], key: SecureRandom.bytes(16), associatedData: [])
        }
        #expect(throws: CryptoError.malformed("sealed box is too short")) {
            try AESGCM.open(SecureRandom.bytes(27), key: key, associatedData: [])
        }
    }
}
