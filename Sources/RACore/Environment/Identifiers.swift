import Foundation
import RACrypto

/// Makes the identifiers AWS uses, from the process's secure random source.
public enum Identifiers {
    private static let base32 = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
    private static let alphanumeric = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")

    /// A random UUID in lower case, the form Roles Anywhere uses for resource ids.
    public static func uuid() -> String {
        var b = SecureRandom.bytes(16)
        b[6] = (b[6] & 0x0F) | 0x40
        b[8] = (b[8] & 0x3F) | 0x80
        let h = Hex.encode(b)
        let c = Array(h)
        return "\(String(c[0..<8]))-\(String(c[8..<12]))-\(String(c[12..<16]))-\(String(c[16..<20]))-\(String(c[20..<32]))"
    }

    /// `prefix` followed by `count` random upper-case base32 characters (access keys: `ASIA…`).
    public static func base32(prefix: String, count: Int) -> String {
        prefix + String(SecureRandom.bytes(count).map { base32[Int($0 & 31)] })
    }

    /// `prefix` followed by `count` random upper-case letters and digits (role ids: `AROA…`).
    public static func alphanumeric(prefix: String, count: Int) -> String {
        prefix + String(SecureRandom.bytes(count).map { alphanumeric[Int($0) % alphanumeric.count] })
    }

    /// A 40-character secret access key (base64 alphabet, as AWS's keys look).
    public static func secretAccessKey() -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        return String(SecureRandom.bytes(40).map { alphabet[Int($0 & 63)] })
    }
}
