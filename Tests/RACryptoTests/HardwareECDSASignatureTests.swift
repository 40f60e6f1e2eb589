import Testing
import RACrypto

/// Raw `r || s` signatures (PKCS#11 `CKM_ECDSA`, some TPM paths) become the DER SigV4-X509 needs.
struct HardwareECDSASignatureTests {
    /// Splits a DER ECDSA-Sig-Value into fixed-width r and s, as a token would return them.
    static func raw(fromDER der: [UInt8], width: Int) -> [UInt8] {
        var index = 2
        if der[1] & 0x80 != 0 { index += Int(der[1] & 0x7F) }
        var parts: [[UInt8]] = []
        for _ in 0..<2 {
            let length = Int(der[index + 1])
            var value = Array(der[(index + 2)..<(index + 2 + length)])
            while value.count > width, value.first == 0 { value.removeFirst() }
            parts.append([UInt8](repeating: 0, count: width - value.count) + value)
            index += 2 + length
        }
        return parts[0] + parts[1]
    }

    @Test(arguments: [(PrivateKey.KeyType.ecP256, 32), (.ecP384, 48), (.ecP521, 66)])
    func rawSignaturesAreReencodedAndStillVerify(type: PrivateKey.KeyType, width: Int) throws {
        let key = try PrivateKey.generate(type)
        let message = Array("string to sign".utf8)
        for _ in 0..<8 {
            let der = try key.signature(for: message)
            let raw = Self.raw(fromDER: der, width: width)
            #expect(raw.count == 2 * width)
            #expect(!ECDSASignature.isDER(raw))
            let converted = ECDSASignature.derEncoded(raw)
            #expect(converted == der)
            #expect(key.publicKey.isValidSignature(converted, for: message))
            #expect(ECDSASignature.derEncoded(der) == der)
        }
    }

    @Test func inputThatIsNeitherShapeComesBackUnchanged() {
        #expect(ECDSASignature.derEncoded([1, 2, 3]) == [1, 2, 3])
        #expect(ECDSASignature.derEncoded([]) == [])
        #expect(ECDSASignature.fromRaw([0, 1]) == [0x30, 0x06, 0x02, 0x01, 0x00, 0x02, 0x01, 0x01])
    }
}
