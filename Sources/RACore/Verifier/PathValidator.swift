import Foundation
import RACrypto

/// Builds a path from the signing certificate to one of a trust anchor's certificates and applies
/// every rule to it: PKIX validity (by OpenSSL), the end-entity and CA policies, and revocation
/// against the anchor's enabled CRLs for every certificate in the path.
public struct PathValidator: Sendable {
    /// At most this many certificates may arrive in `X-Amz-X509-Chain`.
    public static let maximumPoolSize = 5

    public init() {}

    /// Returns the validated path (leaf first, anchor certificate last) or why there is none.
    public func validate(leaf: Certificate, pool: [Certificate], anchor: TrustAnchorState, at time: Date) -> Result<[Certificate], ServiceFailure> {
        for policy in CertificatePolicy.endEntity {
            if let why = policy.rejection(of: leaf) { return .failure(.untrusted("end-entity \(policy.name): \(why)")) }
        }
        guard let anchorSet = anchor.anchorSet else {
            return .failure(.untrusted("trust anchor \(anchor.anchor.name) holds no usable certificate"))
        }
        let path: [Certificate]
        switch ChainVerifier.buildPath(leaf: leaf, pool: pool, anchors: anchorSet, at: time) {
        case .success(let built): path = built
        case .failure(let error): return .failure(.untrusted("no valid path to trust anchor \(anchor.anchor.name): \(error.reason)"))
        }
        // A path of the leaf alone means the leaf itself sits in the anchor's bundle; the anchor
        // certificate must still be a CA, so it is judged as one (and refused).
        for ca in path.count == 1 ? path[...] : path.dropFirst() {
            for policy in CertificatePolicy.certificateAuthority {
                if let why = policy.rejection(of: ca) { return .failure(.untrusted("\(policy.name): \(why)")) }
            }
        }
        for (index, certificate) in path.enumerated() {
            let issuer = index + 1 < path.count ? path[index + 1] : nil
            if let list = anchor.revocation(of: certificate, issuer: issuer) {
                return .failure(.untrusted("certificate serial \(certificate.serialNumber.hexString) (\(certificate.subject)) is revoked by CRL '\(list)'"))
            }
        }
        return .success(path)
    }
}
