import Foundation
import RACore
import RACrypto
import RATestSupport
import Testing

/// The key types a workload may hold, and the algorithm names clients declare for them.
struct KeyTypeTests {
    @Test("leaves with RSA-2048/3072/4096 and EC P-256/P-384/P-521 keys are accepted", arguments: [
        PrivateKey.KeyType.rsa2048, .rsa3072, .rsa4096, .ecP256, .ecP384, .ecP521,
    ])
    func accepted(_ type: PrivateKey.KeyType) throws {
        let world = try TestWorld()
        let key = try TestKeys.shared(type)
        let identity = try world.leaf { $0.key = key }
        let request = try world.request(from: identity)
        let authorization = try #require(request.header("Authorization"))
        let expectedAlgorithm = type.rawValue.hasPrefix("rsa") ? "AWS4-X509-RSA-SHA256 " : "AWS4-X509-ECDSA-SHA256 "
        #expect(authorization.hasPrefix(expectedAlgorithm))
        let result = try world.granted(request)
        #expect(result.grant.sourceIdentity == "CN=edge-01")
    }

    @Test("a leaf issued by an RSA CA chain is accepted")
    func rsaCAs() throws {
        let world = try TestWorld()
        let pki = world.pki
        let root = try pki.authority(try pki.authoritySpec("CN=RSA Root,O=Example Corp").with { $0.key = try TestKeys.shared(.rsa3072) }, by: nil)
        let issuing = try pki.authority(try pki.authoritySpec("CN=RSA Issuing,O=Example Corp").with { $0.key = try TestKeys.shared(.rsa2048) }, by: root)
        let identity = try pki.leaf(try pki.leafSpec().with { $0.key = try TestKeys.shared(.rsa4096) }, by: issuing,
                                    chain: [issuing.certificate])
        try world.anchor(on: [root.certificate])
        _ = try world.granted(try world.request(from: identity))
    }

    @Test("the Python client's algorithm names (hash of the certificate) are accepted and verified as SHA-256", arguments: [
        ("AWS4-X509-ECDSA-SHA384", PrivateKey.KeyType.ecP384),
        ("AWS4-X509-ECDSA-SHA512", .ecP521),
        ("AWS4-X509-RSA-SHA384", .rsa2048),
        ("AWS4-X509-RSA-SHA512", .rsa3072),
    ])
    func pythonAlgorithmNames(_ algorithm: String, _ type: PrivateKey.KeyType) throws {
        let world = try TestWorld()
        let key = try TestKeys.shared(type)
        let identity = try world.leaf { $0.key = key }
        let request = try world.request(from: identity, breaking: [.algorithm(algorithm)])
        #expect(request.header("Authorization")?.hasPrefix(algorithm + " ") == true)
        _ = try world.granted(request)
    }

    @Test("an algorithm name that contradicts the key type is tolerated and noted for the audit trail")
    func mismatchedFamily() throws {
        let world = try TestWorld()
        _ = try world.granted(try world.request(breaking: [.algorithm("AWS4-X509-RSA-SHA256")]))
        let record = try #require(try world.auditRecords().first)
        #expect(record.requestParameters["additionalEventData"] == "algorithm AWS4-X509-RSA-SHA256 does not match the EC key")
    }
}
