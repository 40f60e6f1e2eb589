import RACrypto

/// Finds the PKCS#11 user PIN for a URI without asking anyone when it can.
///
/// Order: `pin-value` in the URI (official), `pin-source` in the URI (RFC 7512; `file:` URIs and
/// plain paths, first line of the file), the unattended PIN the program configured
/// (`HardwareKeyOptions.pkcs11PIN`, which the executable takes from `AWS_SIGNING_HELPER_PKCS11_PIN`),
/// and only then the terminal prompt the official helper shows.
struct PKCS11UserPIN {
    let value: String
    /// True when the operator typed it, so a wrong one can be asked for again.
    let wasPrompted: Bool

    static let prompt = "Please enter your user PIN:"
    static let reprompt = "Incorrect user PIN. Please re-enter your user PIN:"
    static let unreadable = "unable to read PKCS#11 user PIN"

    static func resolve(uris: [PKCS11URI], unattended: String?, prompt: SecretPrompt) throws(HelperError) -> PKCS11UserPIN {
        for uri in uris {
            if let value = uri.pinValue { return PKCS11UserPIN(value: value, wasPrompted: false) }
            if let source = uri.pinSource { return PKCS11UserPIN(value: try read(pinSource: source), wasPrompted: false) }
        }
        if let unattended, !unattended.isEmpty { return PKCS11UserPIN(value: unattended, wasPrompted: false) }
        guard let typed = prompt(Self.prompt) else { throw HelperError.identity(unreadable) }
        return PKCS11UserPIN(value: typed, wasPrompted: true)
    }

    /// Reads a `pin-source`: `file:/abs/path`, `file:///abs/path` or a plain path.
    static func read(pinSource: String) throws(HelperError) -> String {
        var path = pinSource
        if path.hasPrefix("file://") {
            path = String(path.dropFirst("file://".count))
        } else if path.hasPrefix("file:") {
            path = String(path.dropFirst("file:".count))
        } else if path.contains(":") || path.hasPrefix("|") {
            throw HelperError.configuration("unsupported PKCS#11 pin-source (only file: sources are supported)")
        }
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.contents(of: path)
        } catch {
            throw HelperError.identity("\(unreadable) from pin-source: \(error.message)")
        }
        let text = String(decoding: bytes, as: UTF8.self)
        // `isNewline` also ends the line at "\r\n", which Swift treats as one character.
        return String(text.split(maxSplits: 1, omittingEmptySubsequences: false, whereSeparator: \.isNewline).first ?? "")
    }
}
