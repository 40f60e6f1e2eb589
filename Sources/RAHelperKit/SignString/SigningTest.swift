public import RACrypto

/// The official helper's `sign-string` self-test: it signs a fixed message bound to the key, so an
/// operator can check that a key (in a file, on a token, in a TPM) signs, and compare the result with
/// what another tool computes, without ever choosing what gets signed.
public enum SigningTest {
    /// `SIGN_STRING_TEST_VERSION` of the official helper, written in decimal into the message.
    public static let version = 1

    /// `"AWS Roles Anywhere Credential Helper Signing Test" || "1" || SHA256("IAM RA" || key)`, where
    /// key is the uncompressed EC point or the PKCS#1 RSA public key; other key types get no suffix.
    public static func message(for publicKey: PublicKey) -> [UInt8] {
        var message = Array("AWS Roles Anywhere Credential Helper Signing Test\(version)".utf8)
        switch publicKey.kind {
        case .rsa, .ec:
            if let bare = publicKey.bareEncoding {
                message += SHA256.hash(Array("IAM RA".utf8) + bare)
            }
        case .other:
            break
        }
        return message
    }

    /// Signs the test message with the configured key, hashing with `digest`.
    /// - Throws: the signer's loading errors as the official helper words them; signing failures as
    ///   `unable to sign the digest: <reason>`.
    public static func signature(configuration: CredentialsConfiguration,
                                 digest: SigningTestDigest) throws(HelperError) -> [UInt8] {
        try signature(of: SignerFactory.makeSigner(for: configuration), digest: digest)
    }

    /// The same with a signer at hand: those that can choose a digest (`DigestSelectingSigner`) sign with
    /// `digest`; others only with SHA-256, as SigV4-X509 needs.
    public static func signature(of signer: any CredentialSigner,
                                 digest: SigningTestDigest) throws(HelperError) -> [UInt8] {
        let message = message(for: signer.certificate.publicKey)
        if let selecting = signer as? any DigestSelectingSigner {
            return try sign(message) { message throws(HelperError) in try selecting.sign(message, digest: digest) }
        }
        guard digest == .sha256 else {
            throw HelperError(.signing, "unable to sign the digest: unsupported hash algorithm")
        }
        return try sign(message) { message throws(HelperError) in try signer.sign(message) }
    }

    private static func sign(_ message: [UInt8],
                             _ body: ([UInt8]) throws(HelperError) -> [UInt8]) throws(HelperError) -> [UInt8] {
        do {
            return try body(message)
        } catch {
            throw HelperError(.signing, "unable to sign the digest: \(error.message)")
        }
    }
}

/// A signer that can hash with SHA-384 or SHA-512 as well as SHA-256, for `sign-string --digest`.
/// Hardware signers adopt it when their token or TPM can.
public protocol DigestSelectingSigner: CredentialSigner {
    func sign(_ message: [UInt8], digest: SigningTestDigest) throws(HelperError) -> [UInt8]
}

/// `sign-string --digest`: the hash applied to the test message before signing.
public enum SigningTestDigest: String, CaseIterable, Sendable {
    case sha256 = "SHA256"
    case sha384 = "SHA384"
    case sha512 = "SHA512"

    var algorithm: DigestAlgorithm {
        switch self {
        case .sha256: .sha256
        case .sha384: .sha384
        case .sha512: .sha512
        }
    }
}
