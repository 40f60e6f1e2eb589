/// An RFC 7512 `pkcs11:` URI, split into its path attributes (which token and object) and query
/// attributes (how to log in).
///
/// The PIN attributes are kept apart from the rest: `pin-value` and `pin-source` are resolved by the
/// caller (which may also prompt, or read an unattended source), and `engineURI` is the URI handed
/// to the PKCS#11 engine without them, so a PIN never travels further than it must and never
/// appears in `description`.
public struct PKCS11URI: Sendable, Equatable, CustomStringConvertible {
    /// `(name, value)` pairs in URI order; values are percent-decoded bytes, e.g. `id` may be binary.
    public let pathAttributes: [(name: String, value: [UInt8])]
    /// `(name, value)` pairs from the query component, percent-decoded.
    public let queryAttributes: [(name: String, value: [UInt8])]
    /// The original (still percent-encoded) path and query segments, for rebuilding the URI.
    private let rawPath: [String]
    private let rawQuery: [String]

    /// Parses `text`; the scheme must be `pkcs11:` (lower case, as RFC 7512 requires).
    public init(_ text: String) throws(HardwareKeyError) {
        guard text.hasPrefix("pkcs11:") else { throw HardwareKeyError.malformed("not a PKCS#11 URI") }
        let rest = text.dropFirst("pkcs11:".count)
        let parts = rest.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let pathText = parts.first.map(String.init) ?? ""
        let queryText = parts.count > 1 ? String(parts[1]) : ""
        rawPath = pathText.split(separator: ";").map(String.init)
        rawQuery = queryText.split(separator: "&").map(String.init)
        pathAttributes = try rawPath.map { segment throws(HardwareKeyError) in try Self.attribute(segment) }
        queryAttributes = try rawQuery.map { segment throws(HardwareKeyError) in try Self.attribute(segment) }
    }

    /// A path attribute as text (`token`, `object`, `manufacturer`, ...), if present.
    public func path(_ name: String) -> String? {
        pathAttributes.first { $0.name == name }.map { String(decoding: $0.value, as: UTF8.self) }
    }

    /// A query attribute as text (`pin-value`, `pin-source`, ...), if present.
    public func query(_ name: String) -> String? {
        queryAttributes.first { $0.name == name }.map { String(decoding: $0.value, as: UTF8.self) }
    }

    /// `pin-value`: the user PIN written into the URI itself.
    public var pinValue: String? { query("pin-value") }
    /// `pin-source`: where to read the user PIN from (RFC 7512 suggests a `file:` URI).
    public var pinSource: String? { query("pin-source") }

    /// The URI without any PIN attribute, as given to the engine and shown in messages.
    public var engineURI: String {
        let query = rawQuery.filter { segment in
            let name = segment.split(separator: "=", maxSplits: 1).first.map(String.init) ?? ""
            return name != "pin-value" && name != "pin-source"
        }
        let path = "pkcs11:" + rawPath.joined(separator: ";")
        return query.isEmpty ? path : path + "?" + query.joined(separator: "&")
    }

    /// The same object with `type=` forced, e.g. the private key stored beside a certificate.
    public func withType(_ type: String) -> PKCS11URI {
        let path = rawPath.filter { !$0.hasPrefix("type=") } + ["type=\(type)"]
        let text = "pkcs11:" + path.joined(separator: ";") + (rawQuery.isEmpty ? "" : "?" + rawQuery.joined(separator: "&"))
        // Rebuilding from segments that already parsed cannot fail.
        return (try? PKCS11URI(text)) ?? self
    }

    public var description: String { engineURI }

    public static func == (lhs: PKCS11URI, rhs: PKCS11URI) -> Bool {
        lhs.rawPath == rhs.rawPath && lhs.rawQuery == rhs.rawQuery
    }

    private static func attribute(_ segment: String) throws(HardwareKeyError) -> (name: String, value: [UInt8]) {
        let pieces = segment.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        guard pieces.count == 2, !pieces[0].isEmpty else {
            throw HardwareKeyError.malformed("invalid PKCS#11 URI attribute '\(pieces.first ?? "")'")
        }
        let name = String(pieces[0])
        guard let value = percentDecoded(pieces[1]) else {
            throw HardwareKeyError.malformed("invalid percent-encoding in PKCS#11 URI attribute '\(name)'")
        }
        return (name, value)
    }

    private static func percentDecoded(_ text: Substring) -> [UInt8]? {
        var out: [UInt8] = []
        var bytes = Array(text.utf8)[...]
        while let byte = bytes.popFirst() {
            guard byte == UInt8(ascii: "%") else { out.append(byte); continue }
            guard bytes.count >= 2, let high = hexValue(bytes[bytes.startIndex]),
                  let low = hexValue(bytes[bytes.startIndex + 1]) else { return nil }
            out.append(high << 4 | low)
            bytes = bytes.dropFirst(2)
        }
        return out
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
