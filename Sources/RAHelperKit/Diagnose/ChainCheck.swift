import Foundation
import RACrypto

/// Builds the path from the certificate through the chain that would be sent to a CA bundle the
/// operator names (the trust anchor's certificates), the way the server does, and says what is missing.
enum ChainCheck {
    /// OpenSSL's `X509_V_ERR_*` codes the advice distinguishes.
    private enum VerifyCode {
        static let unableToGetIssuer = 2
        static let signatureFailure = 7
        static let notYetValid = 9
        static let expired = 10
        static let depthZeroSelfSigned = 18
        static let selfSignedInChain = 19
        static let unableToGetIssuerLocally = 20
        static let unableToVerifyLeafSignature = 21
        static let invalidCA = 24
        static let keyUsageNoCertSign = 32
    }

    static func finding(leaf: Certificate, chain: [Certificate], caBundlePath: String?, at now: Date) -> DiagnosticFinding {
        guard let caBundlePath else {
            return DiagnosticFinding(.chain, .skipped, "the chain was not checked",
                                     advice: "pass --ca-bundle with the CA certificate(s) of your trust anchor to check it")
        }
        let anchors: [Certificate]
        do {
            anchors = try Certificate.parseMany(pemOrDER: SourceContents.read(path: caBundlePath, what: "CA bundle"))
        } catch let error as HelperError {
            return DiagnosticFinding(.chain, .failure, error.message, advice: "--ca-bundle must name a PEM or DER file of CA certificates")
        } catch {
            return DiagnosticFinding(.chain, .failure, "the CA bundle \(caBundlePath) holds no readable certificate",
                                     advice: "--ca-bundle must name a PEM or DER file of CA certificates")
        }
        switch ChainVerifier.buildPath(leaf: leaf, pool: chain, anchors: anchors, at: now) {
        case .success(let path):
            let names = path.map { "\($0.subject)" }.joined(separator: " <- ")
            return DiagnosticFinding(.chain, .pass, "the certificate chains to the CA bundle: \(names)")
        case .failure(let error):
            return DiagnosticFinding(.chain, .failure, "the certificate does not chain to the CA bundle: \(error.reason)",
                                     advice: advice(for: error, leaf: leaf, chain: chain))
        }
    }

    private static func advice(for error: ChainError, leaf: Certificate, chain: [Certificate]) -> String {
        switch error.code {
        case VerifyCode.unableToGetIssuer, VerifyCode.unableToGetIssuerLocally, VerifyCode.unableToVerifyLeafSignature:
            let missing = issuerMissing(leaf: leaf, chain: chain)
            return "the issuer \(missing) is neither in the CA bundle nor among the certificates sent: if it is an "
                + "intermediate CA, pass it with --intermediates (or append it to the certificate file); if it is your "
                + "root, the bundle is not the CA of your trust anchor"
        case VerifyCode.depthZeroSelfSigned, VerifyCode.selfSignedInChain:
            return "a self-signed certificate is not in the CA bundle: register that CA as the trust anchor, or use a "
                + "certificate issued by the trust anchor's CA"
        case VerifyCode.signatureFailure:
            return "a signature in the chain does not verify: the CA in the bundle has the right name but is not the "
                + "key that issued the certificate (a re-created CA?)"
        case VerifyCode.expired, VerifyCode.notYetValid:
            return "a certificate in the chain is outside its validity period: renew it"
        case VerifyCode.invalidCA, VerifyCode.keyUsageNoCertSign:
            return "a CA certificate in the chain lacks basicConstraints CA:TRUE or keyUsage keyCertSign: reissue it as a CA"
        default:
            return "compare the chain you send with the trust anchor's certificate"
        }
    }

    /// The first issuer name on the path that no certificate at hand carries as its subject.
    private static func issuerMissing(leaf: Certificate, chain: [Certificate]) -> String {
        var current = leaf
        var seen: Set<Certificate> = [leaf]
        while let parent = chain.first(where: { $0.subject == current.issuer && !seen.contains($0) }) {
            seen.insert(parent)
            current = parent
        }
        return "\(current.issuer)"
    }
}
