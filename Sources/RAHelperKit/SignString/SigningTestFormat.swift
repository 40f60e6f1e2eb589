import RACrypto

/// `sign-string --format`: how the signature is printed, byte for byte as the official helper prints
/// it. None of the three ends with a newline.
public enum SigningTestFormat: String, CaseIterable, Sendable {
    /// A JSON string of lowercase hex, quotes included (the official default, whatever its README says).
    case json
    /// Lowercase hex.
    case text
    /// The raw signature bytes.
    case bin

    public func render(_ signature: [UInt8]) -> [UInt8] {
        switch self {
        case .json: Array("\"\(Hex.encode(signature))\"".utf8)
        case .text: Array(Hex.encode(signature).utf8)
        case .bin: signature
        }
    }
}
