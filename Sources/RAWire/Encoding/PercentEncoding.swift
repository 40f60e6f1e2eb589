/// RFC 3986 percent-encoding with the unreserved set SigV4 prescribes (A-Z a-z 0-9 - _ . ~).
///
/// Foundation's URL APIs use other character sets (and treat `+` inconsistently), so signer and
/// verifier share these few rules instead, working on bytes so that no text is re-normalised.
enum PercentEncoding {
    private static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    /// Encodes every byte outside the unreserved set as `%XX` with upper-case hex.
    static func encode<Bytes: Sequence<UInt8>>(_ bytes: Bytes, keepingSlash: Bool = false) -> String {
        var out: [UInt8] = []
        for byte in bytes {
            if isUnreserved(byte) || (keepingSlash && byte == UInt8(ascii: "/")) {
                out.append(byte)
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0f)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes behind `text`, or nil when a `%` is not followed by two hex digits.
    /// `plusIsSpace` applies the form-encoding rule, which is what query strings use in practice.
    static func decode<Bytes: Collection<UInt8>>(_ text: Bytes, plusIsSpace: Bool) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var index = text.startIndex
        while index != text.endIndex {
            let byte = text[index]
            if byte == UInt8(ascii: "%") {
                let first = text.index(after: index)
                guard first != text.endIndex else { return nil }
                let second = text.index(after: first)
                guard second != text.endIndex,
                      let high = hexValue(text[first]), let low = hexValue(text[second]) else { return nil }
                out.append(high << 4 | low)
                index = text.index(after: second)
                continue
            }
            out.append(plusIsSpace && byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
            index = text.index(after: index)
        }
        return out
    }

    private static func hexValue(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
