/// The `application/x-www-form-urlencoded` body of a query-protocol request.
///
/// Encoded with SigV4's unreserved set (space as `%20`, never `+`) so the bytes are exactly what
/// AWS SDKs send; the body is signed, and an upstream that re-encodes would otherwise disagree.
enum QueryForm {
    static let contentType = "application/x-www-form-urlencoded; charset=utf-8"

    /// `name=value&…` in the given order.
    static func encode(_ pairs: [(name: String, value: String)]) -> [UInt8] {
        var out: [UInt8] = []
        for (index, pair) in pairs.enumerated() {
            if index > 0 { out.append(UInt8(ascii: "&")) }
            append(pair.name, to: &out)
            out.append(UInt8(ascii: "="))
            append(pair.value, to: &out)
        }
        return out
    }

    private static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    private static func append(_ text: String, to out: inout [UInt8]) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                out.append(byte)
            default:
                out.append(UInt8(ascii: "%"))
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0F)])
            }
        }
    }
}
