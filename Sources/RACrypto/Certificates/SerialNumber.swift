/// A certificate serial number. SigV4-X509 puts it in decimal into `Credential=`, operators read
/// it in hex, and CRLs list it; keeping the magnitude as bytes makes all three exact for serials of
/// any length (RFC 5280 allows 20 octets, more than any integer type holds).
public struct SerialNumber: Sendable, Hashable, CustomStringConvertible {
    /// Big-endian magnitude without leading zero bytes; empty for zero.
    public let bytes: [UInt8]

    /// Leading zero bytes are dropped so equal numbers compare equal.
    public init(bytes: [UInt8]) {
        self.bytes = Array(bytes.drop { $0 == 0 })
    }

    /// Accepts hex digits in either case, with optional `0x` prefix and `:` separators, odd length allowed.
    public init?(hex: String) {
        var digits = hex.trimmingSpaces()
        if digits.hasPrefix("0x") || digits.hasPrefix("0X") { digits = String(digits.dropFirst(2)) }
        digits = digits.replacingColons()
        guard !digits.isEmpty else { return nil }
        if digits.utf8.count % 2 == 1 { digits = "0" + digits }
        guard let bytes = Hex.decode(digits) else { return nil }
        self.init(bytes: bytes)
    }

    /// Accepts a non-negative base-10 integer of any length.
    public init?(decimal: String) {
        let digits = Array(decimal.trimmingSpaces().utf8)
        guard !digits.isEmpty else { return nil }
        var magnitude: [UInt8] = []  // big-endian
        for digit in digits {
            guard digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") else { return nil }
            var carry = Int(digit - UInt8(ascii: "0"))
            for index in stride(from: magnitude.count - 1, through: 0, by: -1) {
                let value = Int(magnitude[index]) * 10 + carry
                magnitude[index] = UInt8(value & 0xff)
                carry = value >> 8
            }
            while carry > 0 {
                magnitude.insert(UInt8(carry & 0xff), at: 0)
                carry >>= 8
            }
        }
        self.init(bytes: magnitude)
    }

    /// A fresh positive serial of exactly `byteCount` bytes: top bit clear (so DER needs no sign
    /// byte) and first byte non-zero (so it really has that many bytes). RFC 5280 wants at least
    /// 64 bits of randomness from CAs; the default 16 bytes gives 127. `byteCount` is clamped to
    /// 1...20, the RFC 5280 limit.
    public static func random(byteCount: Int = 16) -> SerialNumber {
        let count = max(1, min(byteCount, 20))
        var bytes = SecureRandom.bytes(count)
        bytes[0] &= 0x7f
        if bytes[0] == 0 { bytes[0] = 0x01 }
        return SerialNumber(bytes: bytes)
    }

    /// Base 10, as `Credential=` carries it; "0" for zero.
    public var decimalString: String {
        var magnitude = bytes
        var digits: [UInt8] = []
        while !magnitude.isEmpty {
            var remainder = 0
            var quotient: [UInt8] = []
            quotient.reserveCapacity(magnitude.count)
            for byte in magnitude {
                let value = remainder << 8 | Int(byte)
                let q = value / 10
                remainder = value % 10
                if !(quotient.isEmpty && q == 0) { quotient.append(UInt8(q)) }
            }
            digits.append(UInt8(ascii: "0") + UInt8(remainder))
            magnitude = quotient
        }
        if digits.isEmpty { return "0" }
        return String(decoding: digits.reversed(), as: UTF8.self)
    }

    /// Lower-case hex, whole bytes (so always an even number of digits), no separators; "00" for zero.
    public var hexString: String {
        bytes.isEmpty ? "00" : Hex.encode(bytes)
    }

    public var description: String { hexString }
}

extension String {
    fileprivate func replacingColons() -> String {
        String(self.filter { $0 != ":" })
    }
}
