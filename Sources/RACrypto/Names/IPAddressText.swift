/// Formats the raw octets of an iPAddress SAN.
enum IPAddressText {
    static func format(_ octets: [UInt8]) -> String {
        switch octets.count {
        case 4:
            return octets.map(String.init).joined(separator: ".")
        case 16:
            return formatIPv6(octets)
        default:
            return "<" + Hex.encode(octets) + ">"
        }
    }

    /// RFC 5952: lower-case, no leading zeros, the longest run of two or more zero groups (first on
    /// a tie) collapsed to `::`.
    private static func formatIPv6(_ octets: [UInt8]) -> String {
        let groups = (0..<8).map { Int(octets[2 * $0]) << 8 | Int(octets[2 * $0 + 1]) }
        var bestStart = -1, bestLength = 0, runStart = -1
        for index in 0...8 {
            if index < 8 && groups[index] == 0 {
                if runStart < 0 { runStart = index }
            } else if runStart >= 0 {
                let length = index - runStart
                if length > bestLength && length >= 2 { bestStart = runStart; bestLength = length }
                runStart = -1
            }
        }
        let text = groups.map { String($0, radix: 16) }
        if bestStart < 0 { return text.joined(separator: ":") }
        let head = text[..<bestStart].joined(separator: ":")
        let tail = text[(bestStart + bestLength)...].joined(separator: ":")
        return head + "::" + tail
    }
}
