/// The keyUsage extension. Roles Anywhere requires `digitalSignature` on the end-entity
/// certificate and `keyCertSign` on CA certificates; bit positions follow RFC 5280 section 4.2.1.3.
public struct KeyUsage: OptionSet, Sendable, Hashable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let digitalSignature = KeyUsage(rawValue: 1 << 0)
    public static let nonRepudiation = KeyUsage(rawValue: 1 << 1)
    public static let keyEncipherment = KeyUsage(rawValue: 1 << 2)
    public static let dataEncipherment = KeyUsage(rawValue: 1 << 3)
    public static let keyAgreement = KeyUsage(rawValue: 1 << 4)
    public static let keyCertSign = KeyUsage(rawValue: 1 << 5)
    public static let cRLSign = KeyUsage(rawValue: 1 << 6)
    public static let encipherOnly = KeyUsage(rawValue: 1 << 7)
    public static let decipherOnly = KeyUsage(rawValue: 1 << 8)

    /// RFC 5280 bit number for each flag, used when encoding the BIT STRING.
    static let bitNumbers: [(KeyUsage, Int32)] = [
        (.digitalSignature, 0), (.nonRepudiation, 1), (.keyEncipherment, 2), (.dataEncipherment, 3),
        (.keyAgreement, 4), (.keyCertSign, 5), (.cRLSign, 6), (.encipherOnly, 7), (.decipherOnly, 8),
    ]
}
