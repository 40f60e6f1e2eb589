import RACrypto

/// Turns file bytes into certificates and keys with the official helper's error strings, extended to
/// accept DER certificates and keys (the official helper rejects DER; accepting it costs nothing).
enum IdentityFileParser {
    static func certificate(from bytes: [UInt8], keyGivenSeparately: Bool,
                            hasIntermediates: Bool) throws(HelperError) -> Certificate {
        let text = String(decoding: bytes, as: UTF8.self)
        if text.contains("-----BEGIN ") {
            let blocks = PEM.blocks(in: text)
            guard !blocks.isEmpty else { throw HelperError.identity("could not parse PEM data") }
            guard let block = blocks.first(where: { $0.label == "CERTIFICATE" }) else {
                throw HelperError.identity("requested block type could not be found")
            }
            do {
                return try Certificate(der: block.der)
            } catch {
                throw HelperError.identity("could not parse certificate")
            }
        }
        if let certificate = try? Certificate(der: bytes) { return certificate }
        guard !keyGivenSeparately else { throw HelperError.identity("could not parse PEM data") }
        // Without --private-key the official helper falls back to PKCS#12.
        if hasIntermediates {
            throw HelperError.configuration("can't specify certificate chain when using PKCS#12 files; "
                + "certificate bundle should be provided within the PKCS#12 file")
        }
        throw HelperError.unsupported("failed to read PKCS12 certificate: "
            + "the file is neither a PEM nor a DER certificate, and PKCS#12 files are not supported yet")
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
}
