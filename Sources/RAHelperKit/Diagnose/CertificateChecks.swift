import Foundation
import RACrypto

/// The requirements Roles Anywhere puts on a signing certificate, checked on this side so that a
/// terse `Untrusted Signing Certificate` from the server never has to be the first hint.
enum CertificateChecks {
    /// Certificates this close to their end get a warning.
    static let expiryWarning: TimeInterval = 7 * 24 * 3600

    static func findings(leaf: Certificate, chain: [Certificate], at now: Date) -> [DiagnosticFinding] {
        [validity(leaf: leaf, chain: chain, at: now), version(leaf), keyUsage(leaf), basicConstraints(leaf),
         signatureAlgorithm(leaf: leaf, chain: chain), keyAlgorithm(leaf)]
    }

    static func validity(leaf: Certificate, chain: [Certificate], at now: Date) -> DiagnosticFinding {
        if now < leaf.notBefore {
            return DiagnosticFinding(.validity, .failure, "the certificate is not valid before \(DiagnosticText.date(leaf.notBefore))",
                                     advice: "wait until then, or check this machine's clock (it reads \(DiagnosticText.date(now)))")
        }
        if now > leaf.notAfter {
            return DiagnosticFinding(.validity, .failure, "the certificate expired on \(DiagnosticText.date(leaf.notAfter))",
                                     advice: "renew the certificate (or check this machine's clock, which reads \(DiagnosticText.date(now)))")
        }
        if let stale = chain.first(where: { now < $0.notBefore || now > $0.notAfter }) {
            let what = now > stale.notAfter ? "expired on \(DiagnosticText.date(stale.notAfter))"
                : "is not valid before \(DiagnosticText.date(stale.notBefore))"
            return DiagnosticFinding(.validity, .failure, "chain certificate \(stale.subject) \(what)",
                                     advice: "replace it with the CA's current certificate in the chain you send")
        }
        let left = leaf.notAfter.timeIntervalSince(now)
        let days = Int(left / 86_400)
        if left < expiryWarning {
            return DiagnosticFinding(.validity, .warning,
                                     "the certificate expires on \(DiagnosticText.date(leaf.notAfter)), in \(days) day\(days == 1 ? "" : "s")",
                                     advice: "renew it soon")
        }
        return DiagnosticFinding(.validity, .pass, "the certificate is valid until \(DiagnosticText.date(leaf.notAfter)) (\(days) days left)")
    }

    static func version(_ leaf: Certificate) -> DiagnosticFinding {
        leaf.version == 3
            ? DiagnosticFinding(.version, .pass, "the certificate is X.509 version 3")
            : DiagnosticFinding(.version, .failure, "the certificate is X.509 version \(leaf.version)",
                                advice: "Roles Anywhere accepts only version 3 certificates: reissue it with extensions")
    }

    static func keyUsage(_ leaf: Certificate) -> DiagnosticFinding {
        guard let usage = leaf.keyUsage else {
            return DiagnosticFinding(.keyUsage, .failure, "the certificate has no keyUsage extension",
                                     advice: "Roles Anywhere requires keyUsage with digitalSignature: reissue the certificate with it")
        }
        return usage.contains(.digitalSignature)
            ? DiagnosticFinding(.keyUsage, .pass, "keyUsage allows digitalSignature")
            : DiagnosticFinding(.keyUsage, .failure, "keyUsage does not include digitalSignature",
                                advice: "Roles Anywhere requires digitalSignature: reissue the certificate with it")
    }

    static func basicConstraints(_ leaf: Certificate) -> DiagnosticFinding {
        leaf.basicConstraints?.isCA == true
            ? DiagnosticFinding(.basicConstraints, .failure, "the certificate is a CA certificate (basicConstraints CA:TRUE)",
                                advice: "sign with an end-entity certificate issued by the CA, not with the CA itself")
            : DiagnosticFinding(.basicConstraints, .pass, "the certificate is an end-entity certificate")
    }

    static func signatureAlgorithm(leaf: Certificate, chain: [Certificate]) -> DiagnosticFinding {
        let strong: Set<DigestAlgorithm> = [.sha256, .sha384, .sha512]
        if let weak = ([leaf] + chain).first(where: { !strong.contains($0.signatureAlgorithm.digest) }) {
            let whose = weak == leaf ? "the certificate" : "chain certificate \(weak.subject)"
            return DiagnosticFinding(.signatureAlgorithm, .failure, "\(whose) is signed with \(weak.signatureAlgorithm.name)",
                                     advice: "Roles Anywhere requires SHA-256 or stronger: have the CA reissue it")
        }
        return DiagnosticFinding(.signatureAlgorithm, .pass, "signed with \(leaf.signatureAlgorithm.name)")
    }

    static func keyAlgorithm(_ leaf: Certificate) -> DiagnosticFinding {
        switch leaf.publicKey.kind {
        case .rsa(let bits) where bits < 2048:
            return DiagnosticFinding(.keyAlgorithm, .warning, "the key is RSA \(bits) bits",
                                     advice: "keys under 2048 bits are weak; use RSA 2048 or more, or EC P-256")
        case .rsa, .ec("P-256"), .ec("P-384"), .ec("P-521"):
            return DiagnosticFinding(.keyAlgorithm, .pass, "the key is \(leaf.publicKey.kind)")
        default:
            return DiagnosticFinding(.keyAlgorithm, .failure, "the key is \(leaf.publicKey.kind)",
                                     advice: "SigV4-X509 signs with RSA or EC (P-256, P-384, P-521) keys only")
        }
    }
}
