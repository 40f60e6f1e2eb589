import Foundation
import RACrypto

/// A small PKI made in memory with `CertificateBuilder`: a root, an issuing intermediate, and
/// whatever leaves, extra CAs and CRLs a test asks for, in any shape the verifier must judge.
///
/// Every validity window is relative to `now`, the date the tests pin their clock to, so a
/// certificate that is "expired" or "not yet valid" stays so forever.
public struct TestPKI: Sendable {
    /// 2027-01-15T08:00:00Z: a fixed "now" for clocks and signatures.
    public static let referenceDate = Date(timeIntervalSince1970: 1_800_000_000)
    public static let day: TimeInterval = 86_400

    /// A CA: the key that signs and the certificate that names it.
    public struct Authority: Sendable {
        public let key: PrivateKey
        public let certificate: Certificate
        public init(key: PrivateKey, certificate: Certificate) {
            self.key = key
            self.certificate = certificate
        }
    }

    /// An end entity and the chain its client would send in `X-Amz-X509-Chain`.
    public struct Identity: Sendable {
        public let key: PrivateKey
        public let certificate: Certificate
        public var chain: [Certificate]
        public init(key: PrivateKey, certificate: Certificate, chain: [Certificate]) {
            self.key = key
            self.certificate = certificate
            self.chain = chain
        }

        /// The same identity sending a different chain.
        public func sending(_ chain: [Certificate]) -> Identity {
            Identity(key: key, certificate: certificate, chain: chain)
        }
    }

    public let now: Date
    public let root: Authority
    public let intermediate: Authority

    /// Root (CA, keyCertSign+cRLSign, 10 years) → intermediate (pathlen 0, 5 years).
    public init(now: Date = TestPKI.referenceDate, rootSubject: String = "CN=Test Root CA,O=Example Corp",
                intermediateSubject: String = "CN=Test Issuing CA,O=Example Corp") throws {
        self.now = now
        root = try Self.issueAuthority(try CertificateSpec.authority(rootSubject, now: now), by: nil)
        var intermediateSpec = try CertificateSpec.authority(intermediateSubject, now: now)
        intermediateSpec.pathLength = 0
        intermediate = try Self.issueAuthority(intermediateSpec, by: root)
    }

    /// A default leaf spec (the article's workload) valid around this PKI's `now`.
    public func leafSpec(_ subject: String = "CN=edge-01,OU=DataCenter-Northeast,O=Example Corp") throws -> CertificateSpec {
        try CertificateSpec.leaf(subject, now: now)
    }

    /// A CA spec valid around this PKI's `now`.
    public func authoritySpec(_ subject: String) throws -> CertificateSpec {
        try CertificateSpec.authority(subject, now: now)
    }

    /// Issues a leaf signed by `issuer` (the intermediate by default). Its chain defaults to the
    /// intermediate alone when issued by it, and to nothing otherwise.
    public func leaf(_ spec: CertificateSpec? = nil, by issuer: Authority? = nil, chain: [Certificate]? = nil) throws -> Identity {
        let spec = try spec ?? leafSpec()
        let issuer = issuer ?? intermediate
        let key = try spec.key ?? TestKeys.fresh()
        let certificate = try Self.sign(spec, subjectKey: key, by: issuer)
        let defaultChain = issuer.certificate == intermediate.certificate ? [intermediate.certificate] : []
        return Identity(key: key, certificate: certificate, chain: chain ?? defaultChain)
    }

    /// Issues a CA certificate signed by `issuer`, or self-signed when `issuer` is nil.
    public func authority(_ spec: CertificateSpec, by issuer: Authority?) throws -> Authority {
        try Self.issueAuthority(spec, by: issuer)
    }

    static func issueAuthority(_ spec: CertificateSpec, by issuer: Authority?) throws -> Authority {
        let key = try spec.key ?? TestKeys.fresh()
        return Authority(key: key, certificate: try sign(spec, subjectKey: key, by: issuer))
    }

    /// A CRL signed by `issuer` listing `serials`, current at `now` (next update in a week).
    public func crl(by issuer: Authority, revoking serials: [SerialNumber],
                    digest: DigestAlgorithm = .sha256) throws -> CertificateRevocationList {
        try CRLBuilder(issuer: issuer.certificate, revoked: serials.map { ($0, now - Self.day) },
                       thisUpdate: now - Self.day, nextUpdate: now + 7 * Self.day, signatureDigest: digest)
            .sign(with: issuer.key)
    }

    /// Signs `spec` for `subjectKey`, by `issuer` or self-signed.
    public static func sign(_ spec: CertificateSpec, subjectKey: PrivateKey, by issuer: Authority?) throws -> Certificate {
        let builder = CertificateBuilder(
            subject: spec.subject, issuer: spec.issuerOverride, serial: spec.serial,
            notBefore: spec.notBefore, notAfter: spec.notAfter, publicKey: subjectKey.publicKey,
            isCA: spec.isCA, pathLength: spec.pathLength, keyUsage: spec.keyUsage,
            extendedKeyUsage: spec.extendedKeyUsage, subjectAlternativeNames: spec.subjectAlternativeNames,
            signatureDigest: spec.signatureDigest, version: spec.version)
        return try builder.sign(with: issuer?.key ?? subjectKey, issuerCertificate: issuer?.certificate)
    }
}

/// Every field of a certificate a test may want to bend. `leaf` and `authority` give the shapes
/// Roles Anywhere accepts; tests then break exactly one field.
public struct CertificateSpec: Sendable {
    public var subject: DistinguishedName
    /// Set only to make an issuer name that does not match the signing CA.
    public var issuerOverride: DistinguishedName?
    public var serial: SerialNumber
    /// The subject's key; nil makes a fresh EC P-256 key.
    public var key: PrivateKey?
    public var notBefore: Date
    public var notAfter: Date
    public var isCA: Bool?
    public var pathLength: Int?
    public var keyUsage: KeyUsage?
    public var extendedKeyUsage: [String]
    public var subjectAlternativeNames: [GeneralName]
    public var signatureDigest: DigestAlgorithm
    public var version: Int

    public init(subject: DistinguishedName, issuerOverride: DistinguishedName? = nil, serial: SerialNumber = .random(),
                key: PrivateKey? = nil, notBefore: Date, notAfter: Date, isCA: Bool?, pathLength: Int? = nil,
                keyUsage: KeyUsage?, extendedKeyUsage: [String] = [], subjectAlternativeNames: [GeneralName] = [],
                signatureDigest: DigestAlgorithm = .sha256, version: Int = 3) {
        self.subject = subject
        self.issuerOverride = issuerOverride
        self.serial = serial
        self.key = key
        self.notBefore = notBefore
        self.notAfter = notAfter
        self.isCA = isCA
        self.pathLength = pathLength
        self.keyUsage = keyUsage
        self.extendedKeyUsage = extendedKeyUsage
        self.subjectAlternativeNames = subjectAlternativeNames
        self.signatureDigest = signatureDigest
        self.version = version
    }

    /// An acceptable end entity: v3, CA:FALSE, digitalSignature, clientAuth, SHA-256, valid from a
    /// day before `now` for 30 days.
    public static func leaf(_ subject: String, now: Date) throws -> CertificateSpec {
        CertificateSpec(subject: try DistinguishedName(parsing: subject), notBefore: now - TestPKI.day,
                        notAfter: now + 30 * TestPKI.day, isCA: false, keyUsage: [.digitalSignature],
                        extendedKeyUsage: ["clientAuth"])
    }

    /// An acceptable CA: v3, CA:TRUE, keyCertSign+cRLSign, SHA-256, valid from 100 days before
    /// `now` for ten years.
    public static func authority(_ subject: String, now: Date) throws -> CertificateSpec {
        CertificateSpec(subject: try DistinguishedName(parsing: subject), notBefore: now - 100 * TestPKI.day,
                        notAfter: now + 3650 * TestPKI.day, isCA: true, keyUsage: [.keyCertSign, .cRLSign])
    }

    /// A copy with one change, for table-driven tests.
    public func with(_ change: (inout CertificateSpec) throws -> Void) rethrows -> CertificateSpec {
        var copy = self
        try change(&copy)
        return copy
    }
}
