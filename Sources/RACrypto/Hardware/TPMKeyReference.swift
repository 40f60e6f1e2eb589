/// Which TPM key to sign with: a `TSS2 PRIVATE KEY` file (the key blob is loaded under its parent
/// for each signature) or a persistent handle (`0x81xxxxxx`) that already lives in the TPM.
public enum TPMKeyReference: Sendable, Equatable, CustomStringConvertible {
    case keyFile(path: String)
    case persistentHandle(UInt32)

    /// Parses a `--private-key handle:0x81000001` argument (hex, `0x` optional) with the official
    /// helper's two error texts.
    public init(handleArgument: String) throws(HardwareKeyError) {
        let parts = handleArgument.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw HardwareKeyError.malformed("invalid TPM handle format") }
        var hex = parts[1]
        if hex.hasPrefix("0x") { hex = hex.dropFirst(2) }
        guard !hex.isEmpty, hex.count <= 8, let value = UInt32(hex, radix: 16) else {
            throw HardwareKeyError.malformed("invalid hex TPM handle value")
        }
        self = .persistentHandle(value)
    }

    /// The OSSL_STORE URI the tpm2 provider understands. `?pass` makes it ask for an auth value.
    func storeURI(withPassword: Bool) -> String {
        switch self {
        case .keyFile(let path): path
        case .persistentHandle(let handle): Self.handleText(handle) + (withPassword ? "?pass" : "")
        }
    }

    static func handleText(_ handle: UInt32) -> String {
        let hex = String(handle, radix: 16)
        return "handle:0x" + String(repeating: "0", count: max(0, 8 - hex.count)) + hex
    }

    public var description: String {
        switch self {
        case .keyFile(let path): "TPM key file \(path)"
        case .persistentHandle(let handle): "TPM \(Self.handleText(handle))"
        }
    }
}
