import RACrypto

/// Turns file bytes into certificates and keys with the official helper's error strings, extended to
/// accept DER certificates and keys (the official helper rejects DER; accepting it costs nothing),
/// PKCS#12 files in every encryption OpenSSL reads, and certificate bundles.
enum IdentityFileParser {
    /// What a `--certificate` file holds.
    enum CertificateFile {
        /// PEM or DER certificates, in file order (a bundle holds more than one).
        case certificates([Certificate])
        /// A PKCS#12 file, already decrypted: key, certificate and the other certificates.
        case pkcs12(PKCS12.Contents)
    }

    /// The first certificate of a certificate file, as the official helper reads it.
    static func certificate(from bytes: [UInt8], keyGivenSeparately: Bool,
                            hasIntermediates: Bool) throws(HelperError) -> Certificate {
        guard let first = try pemOrDERCertificates(from: bytes)?.first else {
            guard !keyGivenSeparately else { throw HelperError.identity("could not parse PEM data") }
            if hasIntermediates { throw pkcs12WithChain }
            throw HelperError.identity("failed to read PKCS12 certificate: this call reads certificates only; "
                + "load PKCS#12 files with FileIdentity")
        }
        return first
    }

    /// Classifies and decodes a certificate file: PEM (every `CERTIFICATE` block), DER, or, when no
    /// separate key is given, PKCS#12 (the official helper's fallback order).
    static func certificateFile(from bytes: [UInt8], keyGivenSeparately: Bool, hasIntermediates: Bool,
                                pkcs12Password: String?) throws(HelperError) -> CertificateFile {
        if let certificates = try pemOrDERCertificates(from: bytes) { return .certificates(certificates) }
        guard !keyGivenSeparately else { throw HelperError.identity("could not parse PEM data") }
        if hasIntermediates { throw pkcs12WithChain }
        return .pkcs12(try pkcs12(from: bytes, password: pkcs12Password))
    }

    /// Every certificate of a PEM file (nil if it holds no PEM and is no DER certificate either).
    /// The first `CERTIFICATE` block must parse (`could not parse certificate`, as in the official
    /// helper, which reads only that one); later blocks that do not parse are skipped, since the
    /// official helper ignores them altogether.
    static func pemOrDERCertificates(from bytes: [UInt8]) throws(HelperError) -> [Certificate]? {
        let text = String(decoding: bytes, as: UTF8.self)
        guard text.contains("-----BEGIN ") else {
            return (try? Certificate(der: bytes)).map { [$0] }
        }
        let blocks = PEM.blocks(in: text)
        guard !blocks.isEmpty else { throw HelperError.identity("could not parse PEM data") }
        let certificateBlocks = blocks.filter { $0.label == "CERTIFICATE" }
        guard let first = certificateBlocks.first else {
            throw HelperError.identity("requested block type could not be found")
        }
        let leaf: Certificate
        do {
            leaf = try Certificate(der: first.der)
        } catch {
            throw HelperError.identity("could not parse certificate")
        }
        return [leaf] + certificateBlocks.dropFirst().compactMap { try? Certificate(der: $0.der) }
    }

    /// Decrypts a PKCS#12 file. The official helper only tries the empty password; `password` adds
    /// the one the user gave.
    static func pkcs12(from bytes: [UInt8], password: String?) throws(HelperError) -> PKCS12.Contents {
        let password = password ?? ""
        do {
            return try PKCS12.parseAllowingLegacyAlgorithms(bytes, password: password)
        } catch CryptoError.wrongPassword {
            let hint = password.isEmpty ? " (the file has a password: give it with --pkcs12-password)" : ""
            throw HelperError.identity("failed to read PKCS12 certificate: pkcs12: decryption password incorrect\(hint)")
        } catch CryptoError.malformed(let reason) where reason.hasPrefix("not a DER PKCS#12") {
            throw HelperError.identity("failed to read PKCS12 certificate: the file is neither a PEM or DER "
                + "certificate nor a PKCS#12 file")
        } catch {
            throw HelperError.identity("failed to read PKCS12 certificate: \(Self.reason(of: error))")
        }
    }

    static func chain(from bytes: [UInt8]) throws(HelperError) -> [Certificate] {
        let text = String(decoding: bytes, as: UTF8.self)
        guard text.contains("-----BEGIN ") else {
            if bytes.isEmpty { return [] }
            do { return [try Certificate(der: bytes)] } catch { throw HelperError.identity("invalid certificate chain") }
        }
        var chain: [Certificate] = []
        for block in PEM.blocks(in: text) {
            guard block.label == "CERTIFICATE", let certificate = try? Certificate(der: block.der) else {
                throw HelperError.identity("invalid certificate chain")
            }
            chain.append(certificate)
        }
        return chain
    }

    static func privateKey(from bytes: [UInt8], password: String?) throws(HelperError) -> PrivateKey {
        if String(decoding: bytes, as: UTF8.self).contains("-----BEGIN TSS2 PRIVATE KEY-----") {
            throw HelperError.unsupported("TPM 2.0 key files (TSS2 PRIVATE KEY) are not supported yet")
        }
        let password = password.flatMap { $0.isEmpty ? nil : $0 }
        do {
            return try PrivateKey(pemOrDER: bytes, password: password)
        } catch CryptoError.wrongPassword {
            throw HelperError.identity("incorrect PKCS#8 private key password")
        } catch CryptoError.passwordRequired {
            throw HelperError.identity("unable to parse private key: the key is encrypted; give its password with --pkcs8-password")
        } catch {
            throw HelperError.identity("unable to parse private key")
        }
    }

    private static var pkcs12WithChain: HelperError {
        HelperError.configuration("can't specify certificate chain when using PKCS#12 files; "
            + "certificate bundle should be provided within the PKCS#12 file")
    }

    /// A crypto failure without the "malformed input:" style prefix, for one-line messages.
    private static func reason(of error: any Error) -> String {
        switch error as? CryptoError {
        case .malformed(let text), .unsupported(let text), .operationFailed(let text): text
        default: "\(error)"
        }
    }
}
