import Foundation
import RACore
import RACrypto
import RATestSupport
import Testing

/// `X-Amz-X509-Chain` is an unordered pool (spec §2.1): the leaf may be in it, certificates may
/// repeat or come in any order, an intermediate may itself be the trust anchor, and more than five
/// certificates are refused outright.
struct ChainPoolTests {
    /// root → first → second → leaf, with the root as trust anchor.
    struct DeepPKI {
        let world: TestWorld
        let first: TestPKI.Authority
        let second: TestPKI.Authority
        let leaf: TestPKI.Identity

        init() throws {
            world = try TestWorld()
            let pki = world.pki
            first = try pki.authority(try pki.authoritySpec("CN=First Intermediate,O=Example Corp"), by: pki.root)
            second = try pki.authority(try pki.authoritySpec("CN=Second Intermediate,O=Example Corp"), by: first)
            leaf = try pki.leaf(by: second, chain: [])
        }
    }

    @Test("pool shapes that still form a path are accepted", arguments: [
        "in order", "reversed", "leaf first", "leaf last", "duplicates", "root included", "five with repeats",
    ])
    func tolerated(_ shape: String) throws {
        let deep = try DeepPKI()
        let (leaf, first, second, root) = (deep.leaf.certificate, deep.first.certificate, deep.second.certificate,
                                           deep.world.pki.root.certificate)
        let pool: [Certificate] = switch shape {
        case "in order": [second, first]
        case "reversed": [first, second]
        case "leaf first": [leaf, second, first]
        case "leaf last": [first, second, leaf]
        case "duplicates": [second, second, first]
        case "root included": [root, first, second]
        default: [leaf, first, second, first, second]
        }
        let result = try deep.world.granted(try deep.world.request(from: deep.leaf, chain: pool))
        #expect(result.grant.sourceIdentity == "CN=edge-01")
    }

    @Test("a missing intermediate leaves no path")
    func missingIntermediate() throws {
        let deep = try DeepPKI()
        let failure = try deep.world.refused(try deep.world.request(from: deep.leaf, chain: [deep.second.certificate]))
        #expect(failure.code == .accessDenied)
        #expect(failure.message == "Untrusted Signing Certificate")
        #expect(failure.reason.contains("unable to get local issuer certificate"), "reason was: \(failure.reason)")
    }

    @Test("an intermediate registered as the trust anchor needs no chain above it")
    func intermediateAsAnchor() throws {
        let world = try TestWorld()
        try world.anchor(on: [world.pki.intermediate.certificate])
        _ = try world.granted(try world.request(chain: []))
        _ = try world.granted(try world.request(chain: [world.pki.intermediate.certificate, world.pki.root.certificate]))
    }

    @Test("a trust anchor bundle with several CAs accepts leaves of any of them")
    func bundleAnchor() throws {
        let world = try TestWorld()
        let other = try world.pki.authority(try world.pki.authoritySpec("CN=Other Root,O=Example Corp"), by: nil)
        try world.anchor(on: [other.certificate, world.pki.root.certificate])
        _ = try world.granted(try world.request())
        let otherLeaf = try world.pki.leaf(by: other, chain: [])
        _ = try world.granted(try world.request(from: otherLeaf))
    }

    @Test("more than five certificates in X-Amz-X509-Chain is a ValidationException")
    func sixRefused() throws {
        let world = try TestWorld()
        let intermediate = world.pki.intermediate.certificate
        let failure = try world.refused(try world.request(chain: Array(repeating: intermediate, count: 6)))
        #expect(failure.code == .validation)
        #expect(failure.httpStatus == 400)
        #expect(failure.message == "X-Amz-X509-Chain holds 6 certificates; at most 5 are allowed")
    }

    @Test("exactly five certificates is still accepted")
    func fiveAccepted() throws {
        let world = try TestWorld()
        let intermediate = world.pki.intermediate.certificate
        _ = try world.granted(try world.request(chain: Array(repeating: intermediate, count: 5)))
    }

    @Test("an undecodable chain entry is a ValidationException")
    func badChainEntry() throws {
        let world = try TestWorld()
        let good = Data(world.pki.intermediate.certificate.der).base64EncodedString()
        let request = try world.request(breaking: [.header("X-Amz-X509-Chain", good + ",%%%")])
        let failure = try world.refused(request)
        #expect(failure.code == .validation)
        #expect(failure.message == "X-Amz-X509-Chain is not valid base64")
    }
}

/// A trust anchor must be a CA (spec §2.3-7); an end-entity certificate that an operator put into
/// the anchor's bundle must not authenticate itself.
struct AnchorIsCATests {
    @Test("a leaf listed as the trust anchor's own certificate is not trusted")
    func leafAsAnchor() throws {
        let world = try TestWorld()
        try world.anchor(on: [world.client.certificate])
        let failure = try world.refused(try world.request(chain: []))
        #expect(failure.code == .accessDenied)
        #expect(failure.message == "Untrusted Signing Certificate")
        #expect(failure.reason.contains("CA basic constraints"), "reason was: \(failure.reason)")
    }

    @Test("a self-signed end-entity certificate registered as an anchor is not trusted")
    func selfSignedLeafAsAnchor() throws {
        let world = try TestWorld()
        let spec = try world.pki.leafSpec()
        let key = try TestKeys.fresh()
        let certificate = try TestPKI.sign(spec, subjectKey: key, by: nil)
        try world.anchor(on: [certificate])
        let identity = TestPKI.Identity(key: key, certificate: certificate, chain: [])
        let failure = try world.refused(try world.request(from: identity))
        #expect(failure.message == "Untrusted Signing Certificate")
    }
}
