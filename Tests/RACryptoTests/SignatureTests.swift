import Testing
import RACrypto

@Suite struct SignatureTests {
    static let message = Array("AWS4-X509-ECDSA-SHA256\n20240706T113859Z\n20240706/us-east-2/rolesanywhere/aws4_request\nabc".utf8)

    @Test(arguments: PrivateKey.KeyType.allCases)
    func signAndVerify(type: PrivateKey.KeyType) throws {
        let key = try PrivateKey.generate(type)
        let signature = try key.signature(for: Self.message)
        #expect(key.publicKey.isValidSignature(signature, for: Self.message))

        var tampered = Self.message
        tampered[0] ^= 0x20
        #expect(!key.publicKey.isValidSignature(signature, for: tampered))

        var flipped = signature
        flipped[flipped.count / 2] ^= 0x01
        #expect(!key.publicKey.isValidSignature(flipped, for: Self.message))
        #expect(!key.publicKey.isValidSignature(Array(signature.dropLast()), for: Self.message))
        #expect(!key.publicKey.isValidSignature([], for: Self.message))
        #expect(!key.publicKey.isValidSignature(SecureRandom.bytes(signature.count), for: Self.message))
        #expect(!key.publicKey.isValidSignature([0x30, 0x06, 0x02, 0x01, 0x00, 0x02, 0x01, 0x00], for: Self.message))

        let other = try PrivateKey.generate(type == .rsa4096 ? .rsa2048 : type)
        #expect(!other.publicKey.isValidSignature(signature, for: Self.message))
    }

    @Test(arguments: [
        (PrivateKey.KeyType.ecP256, PublicKeyKind.ec(curve: "P-256")),
        (.ecP384, .ec(curve: "P-384")),
        (.ecP521, .ec(curve: "P-521")),
        (.rsa2048, .rsa(bits: 2048)),
        (.rsa3072, .rsa(bits: 3072)),
        (.rsa4096, .rsa(bits: 4096)),
    ])
    func kindsAndSignatureShapes(type: PrivateKey.KeyType, kind: PublicKeyKind) throws {
        let key = try PrivateKey.generate(type)
        #expect(key.kind == kind)
        #expect(key.publicKey.kind == kind)
        let signature = try key.signature(for: Self.message)
        switch kind {
        case .rsa(let bits):
            #expect(signature.count == bits / 8)
        default:
            #expect(signature.first == 0x30)  // DER SEQUENCE { r, s }
        }
        #expect(try PublicKey(derSPKI: key.publicKey.derSPKI) == key.publicKey)
        #expect(String(describing: key) == "PrivateKey(\(kind))")
    }

    /// The signatures are the ones SigV4-X509 prescribes, as the openssl CLI understands them:
    /// RSA PKCS#1 v1.5 + SHA-256 and ECDSA + SHA-256 (DER), in both directions.
    @Test(arguments: [PrivateKey.KeyType.ecP256, .ecP384, .rsa2048])
    func interoperatesWithOpenSSLCLI(type: PrivateKey.KeyType) throws {
        let cli = try OpenSSLCLI()
        let key = try PrivateKey.generate(type)
        try cli.write("key.pem", try key.pkcs8PEM())
        try cli.write("pub.der", key.publicKey.derSPKI)
        try cli.write("msg.bin", Self.message)
        try cli.write("sig.bin", try key.signature(for: Self.message))
        let verified = try cli.run(["dgst", "-sha256", "-verify", "pub.der", "-keyform", "DER", "-signature", "sig.bin", "msg.bin"])
        #expect(verified.contains("Verified OK"))

        try cli.run(["dgst", "-sha256", "-sign", "key.pem", "-out", "cli-sig.bin", "msg.bin"])
        #expect(key.publicKey.isValidSignature(try cli.read("cli-sig.bin"), for: Self.message))
    }

    @Test func unknownDERIsMalformed() {
        #expect(throws: CryptoError.self) { try PublicKey(derSPKI: [0x30, 0x00]) }
    }
}
