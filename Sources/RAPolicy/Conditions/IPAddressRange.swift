/// An IPv4 or IPv6 CIDR block for `IpAddress`/`NotIpAddress`.
///
/// A policy value without a prefix length is a single host (/32 or /128). IPv4-mapped IPv6
/// addresses (`::ffff:192.0.2.1`) are compared as the IPv4 address they carry, so a dual-stack
/// listener does not slip past an IPv4 rule.
struct IPAddressRange: Sendable, Equatable {
    /// 4 bytes for IPv4, 16 for IPv6.
    let network: [UInt8]
    let prefixLength: Int

    init?(_ text: String) {
        let pieces = text.split(separator: "/", omittingEmptySubsequences: false)
        guard pieces.count <= 2, let address = Self.parseAddress(String(pieces[0])) else { return nil }
        let maximum = address.count * 8
        var prefixLength = maximum
        if pieces.count == 2 {
            let digits = pieces[1]
            guard !digits.isEmpty, digits.count <= 3, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let length = Int(digits), length <= maximum else { return nil }
            prefixLength = length
        }
        self.network = address
        self.prefixLength = prefixLength
    }

    /// Whether `address` (a plain IP, no prefix) lies inside this block.
    func contains(_ address: String) -> Bool {
        guard var bytes = Self.parseAddress(address) else { return false }
        if network.count == 4, bytes.count == 16 {
            guard let embedded = Self.unmappedIPv4(bytes) else { return false }
            bytes = embedded
        } else if network.count == 16, bytes.count == 4 {
            bytes = Array(repeating: 0, count: 10) + [0xFF, 0xFF] + bytes
        }
        var remaining = prefixLength
        for (expected, actual) in zip(network, bytes) where remaining > 0 {
            let bits = min(8, remaining)
            let mask = UInt8(truncatingIfNeeded: 0xFF << (8 - bits))
            if expected & mask != actual & mask { return false }
            remaining -= bits
        }
        return true
    }

    // MARK: - Address parsing

    static func parseAddress(_ text: String) -> [UInt8]? {
        text.contains(":") ? parseIPv6(text) : parseIPv4(Substring(text))
    }

    private static func unmappedIPv4(_ bytes: [UInt8]) -> [UInt8]? {
        guard bytes[0..<10].allSatisfy({ $0 == 0 }), bytes[10] == 0xFF, bytes[11] == 0xFF else { return nil }
        return Array(bytes[12..<16])
    }

    private static func parseIPv4(_ text: Substring) -> [UInt8]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var bytes: [UInt8] = []
        for part in parts {
            guard (1...3).contains(part.count), part.allSatisfy({ $0.isASCII && $0.isNumber }),
                  part.count == 1 || part.first != "0",
                  let value = UInt8(part) else { return nil }
            bytes.append(value)
        }
        return bytes
    }

    private static func parseIPv6(_ text: String) -> [UInt8]? {
        let halves = text.split(separator: "::", omittingEmptySubsequences: false).map(String.init)
        guard halves.count <= 2 else { return nil }
        guard let head = parseGroups(halves[0], allowIPv4Tail: halves.count == 1) else { return nil }
        var groups = head
        if halves.count == 2 {
            guard let tail = parseGroups(halves[1], allowIPv4Tail: true), head.count + tail.count <= 7 else {
                return nil
            }
            groups += Array(repeating: 0, count: 8 - head.count - tail.count) + tail
        }
        guard groups.count == 8 else { return nil }
        return groups.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    }

    /// Colon-separated hex groups; the last may be a dotted IPv4 address worth two groups.
    private static func parseGroups(_ text: String, allowIPv4Tail: Bool) -> [UInt16]? {
        if text.isEmpty { return [] }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        var groups: [UInt16] = []
        for (offset, part) in parts.enumerated() {
            if allowIPv4Tail, offset == parts.count - 1, part.contains(".") {
                guard let v4 = parseIPv4(part) else { return nil }
                groups.append(UInt16(v4[0]) << 8 | UInt16(v4[1]))
                groups.append(UInt16(v4[2]) << 8 | UInt16(v4[3]))
                continue
            }
            guard (1...4).contains(part.count), part.allSatisfy({ $0.isHexDigit && $0.isASCII }),
                  let value = UInt16(part, radix: 16) else { return nil }
            groups.append(value)
        }
        return groups
    }
}
