import RACrypto

/// One constraint on one certificate of a path. A policy returns why it rejects, or nil.
///
/// Each rule of spec §2.3 is its own policy so that a rejection names exactly the rule broken,
/// and so that each rule has a test with a certificate that breaks only that rule.
public struct CertificatePolicy: Sendable {
    public let name: String
    let check: @Sendable (Certificate) -> String?

    public init(name: String, check: @escaping @Sendable (Certificate) -> String?) {
        self.name = name
        self.check = check
    }

    public func rejection(of certificate: Certificate) -> String? { check(certificate) }
}

extension CertificatePolicy {
    static let strongDigests: Set<DigestAlgorithm> = [.sha256, .sha384, .sha512]

    /// X.509 version 3 (the only version that carries the extensions the other rules read).
    public static let version3 = CertificatePolicy(name: "version") { cert in
        cert.version == 3 ? nil : "certificate is X.509 v\(cert.version), v3 is required"
    }

    /// The certificate's own signature uses SHA-256 or stronger; MD5 and SHA-1 are refused.
    public static let strongSignature = CertificatePolicy(name: "signature algorithm") { cert in
        strongDigests.contains(cert.signatureAlgorithm.digest) ? nil
            : "certificate is signed with \(cert.signatureAlgorithm.name); SHA-256 or stronger is required"
    }

    /// An end entity must not be a CA.
    public static let notCA = CertificatePolicy(name: "basic constraints") { cert in
        cert.basicConstraints?.isCA == true ? "end-entity certificate has basicConstraints CA:TRUE" : nil
    }

    /// The signing certificate must be allowed to make digital signatures.
    public static let digitalSignature = CertificatePolicy(name: "key usage") { cert in
        guard let usage = cert.keyUsage else { return "end-entity certificate has no keyUsage extension (digitalSignature is required)" }
        return usage.contains(.digitalSignature) ? nil : "end-entity keyUsage lacks digitalSignature"
    }

    /// The subject DN keys the Subject resource, so it may not be empty.
    public static let nonEmptySubject = CertificatePolicy(name: "subject") { cert in
        cert.subject.isEmpty ? "end-entity certificate has an empty subject" : nil
    }

    /// Keys the request signature can be verified with: RSA 2048-4096, EC P-256/P-384/P-521.
    public static let supportedKey = CertificatePolicy(name: "public key") { cert in
        switch cert.publicKey.kind {
        case .rsa(let bits): return (2048...4096).contains(bits) ? nil : "RSA key of \(bits) bits; 2048 to 4096 are accepted"
        case .ec(let curve): return ["P-256", "P-384", "P-521"].contains(curve) ? nil : "EC curve \(curve) is not supported"
        case .other(let name): return "key type \(name) is not supported"
        }
    }

    /// Every CA in the path must say so.
    public static let isCA = CertificatePolicy(name: "CA basic constraints") { cert in
        cert.basicConstraints?.isCA == true ? nil : "CA certificate \(cert.subject) lacks basicConstraints CA:TRUE"
    }

    /// Every CA in the path must be allowed to sign certificates.
    public static let keyCertSign = CertificatePolicy(name: "CA key usage") { cert in
        guard let usage = cert.keyUsage else { return "CA certificate \(cert.subject) has no keyUsage extension (keyCertSign is required)" }
        return usage.contains(.keyCertSign) ? nil : "CA certificate \(cert.subject) keyUsage lacks keyCertSign"
    }

    /// The rules for the certificate that signs the request.
    public static let endEntity: [CertificatePolicy] = [version3, nonEmptySubject, notCA, digitalSignature, strongSignature, supportedKey]
    /// The rules for every CA certificate in the path, the trust anchor's included.
    public static let certificateAuthority: [CertificatePolicy] = [version3, isCA, keyCertSign, strongSignature]
}
