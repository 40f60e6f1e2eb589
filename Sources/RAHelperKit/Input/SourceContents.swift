/// Reads the bytes behind a certificate or key source, so every reader (the file signer, PKCS#11
/// hybrids with a certificate file, `read-certificate-data`, `diagnose`) reports an unreadable file or
/// an unset variable with the same `failed to read <what>: <reason>` line.
enum SourceContents {
    /// `what` is the noun in the message: `certificate`, `private key`, `certificate bundle`.
    static func read(path: String, what: String) throws(HelperError) -> [UInt8] {
        do {
            return try FileBytes.contents(of: path)
        } catch {
            throw HelperError.identity("failed to read \(what): \(error.message)")
        }
    }

    static func read(_ source: InMemorySource, what: String) throws(HelperError) -> [UInt8] {
        do {
            return try source.bytes()
        } catch {
            throw HelperError.identity("failed to read \(what): \(error.message)")
        }
    }
}

extension CertificateSource {
    /// The file or in-memory bytes; nil for a `pkcs11:` URI, whose certificate lives on a token.
    public func contents() throws(HelperError) -> [UInt8]? {
        switch self {
        case .file(let path): try SourceContents.read(path: path, what: "certificate")
        case .inMemory(let source): try SourceContents.read(source, what: "certificate")
        case .pkcs11: nil
        }
    }
}

extension PrivateKeySource {
    /// The file or in-memory bytes; nil for keys on a token or in a TPM.
    public func contents() throws(HelperError) -> [UInt8]? {
        switch self {
        case .file(let path): try SourceContents.read(path: path, what: "private key")
        case .inMemory(let source): try SourceContents.read(source, what: "private key")
        case .pkcs11, .tpmHandle: nil
        }
    }
}
