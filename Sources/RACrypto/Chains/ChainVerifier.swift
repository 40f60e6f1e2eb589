import Foundation
internal import COpenSSL

/// PKIX path building and validation (RFC 5280) by OpenSSL, as Roles Anywhere does it: from the
/// end-entity certificate through the certificates the client sent, to a certificate of the trust
/// anchor. Revocation is left to the caller, who holds the imported CRLs.
public enum ChainVerifier {
    /// Builds and validates a path at `time`. On success the path runs leaf first and ends with the
    /// anchor certificate used. `pool` may hold the leaf itself, duplicates and unrelated
    /// certificates. Any anchor may be an intermediate (partial chains are allowed), and every
    /// certificate in the path, the anchor included, must be valid at `time`.
    public static func buildPath(leaf: Certificate, pool: [Certificate], anchors: [Certificate],
                                 at time: Date) -> Result<[Certificate], ChainError> {
        guard !anchors.isEmpty else { return .failure(ChainError(reason: "no trust anchor certificates")) }
        do {
            return buildPath(leaf: leaf, pool: pool, anchors: try TrustAnchorSet(anchors), at: time)
        } catch {
            return .failure(ChainError(reason: "cannot load trust anchors: \(error)"))
        }
    }

    /// The same, with anchors prepared once and shared across requests (and threads).
    public static func buildPath(leaf: Certificate, pool: [Certificate], anchors: TrustAnchorSet,
                                 at time: Date) -> Result<[Certificate], ChainError> {
        guard !anchors.certificates.isEmpty else { return .failure(ChainError(reason: "no trust anchor certificates")) }
        do {
            let path = try verify(leaf: leaf, pool: pool, anchors: anchors, at: time)
            if let expired = path.enumerated().first(where: { !$0.element.isValid(at: time) }) {
                // OpenSSL 3.0 already checks every element, a partial chain's anchor included (tested);
                // this guards against a library build that skips the trusted end.
                let certificate = expired.element
                let what = time < certificate.notBefore ? "certificate is not yet valid" : "certificate has expired"
                return .failure(ChainError(reason: "\(what) (depth \(expired.offset), \(certificate.subject))"))
            }
            return .success(path)
        } catch let error as ChainError {
            return .failure(error)
        } catch {
            return .failure(ChainError(reason: "path building failed: \(error)"))
        }
    }

    private static func verify(leaf: Certificate, pool: [Certificate], anchors: TrustAnchorSet,
                               at time: Date) throws -> [Certificate] {
        let store = anchors.store
        let untrusted = try CertificateStack(pool)
        guard let context = X509_STORE_CTX_new() else { throw OpenSSLErrorQueue.failure("cannot allocate a verify context") }
        defer {
            X509_STORE_CTX_free(context)
            OpenSSLErrorQueue.drain()
        }
        guard X509_STORE_CTX_init(context, store.pointer, leaf.handle.pointer, untrusted.pointer) == 1 else {
            throw OpenSSLErrorQueue.failure("cannot initialise a verify context")
        }
        if let parameters = X509_STORE_CTX_get0_param(context) {
            X509_VERIFY_PARAM_set_flags(parameters, UInt(X509_V_FLAG_PARTIAL_CHAIN))
        }
        X509_STORE_CTX_set_time(context, 0, ASN1Conversion.epochSeconds(time))
        let result = X509_verify_cert(context)
        guard result == 1 else {
            throw failure(context)
        }
        guard let chain = X509_STORE_CTX_get1_chain(context) else {
            throw OpenSSLErrorQueue.failure("verified chain is unavailable")
        }
        let owned = CertificateStack(adopting: chain)
        var known: [OpaquePointer: Certificate] = [:]
        for certificate in [leaf] + pool + anchors.certificates { known[certificate.handle.pointer] = certificate }
        return try owned.elements.map { element in
            if let certificate = known[element] { return certificate }
            return try Certificate(der: X509DER.encode(element))
        }
    }

    private static func failure(_ context: OpaquePointer) -> ChainError {
        let code = X509_STORE_CTX_get_error(context)
        let depth = X509_STORE_CTX_get_error_depth(context)
        let text = X509_verify_cert_error_string(Int(code)).map { String(cString: $0) } ?? "verification failed"
        var subject = ""
        if let current = X509_STORE_CTX_get_current_cert(context) {
            subject = ", " + X509NameConversion.read(X509_get_subject_name(current)).rfc4514
        }
        return ChainError(reason: "\(text) (depth \(depth)\(subject))", code: Int(code))
    }
}
