#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A parsed IP literal to bind to, plus the text form used in messages.
struct ListenAddress {
    enum Family {
        case ipv4(in_addr)
        case ipv6(in6_addr)
    }

    let family: Family
    let host: String

    /// `nil` when `host` is not an IPv4 or IPv6 literal.
    init?(host: String) {
        var v4 = in_addr()
        if inet_pton(AF_INET, host, &v4) == 1 {
            family = .ipv4(v4)
            self.host = host
            return
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, host, &v6) == 1 {
            family = .ipv6(v6)
            self.host = host
            return
        }
        return nil
    }

    var isIPv6: Bool {
        if case .ipv6 = family { return true }
        return false
    }

    /// True for `::`, the one address on which IPv4 clients are accepted too.
    var isIPv6Unspecified: Bool {
        guard case .ipv6(var address) = family else { return false }
        return withUnsafeBytes(of: &address) { $0.allSatisfy { $0 == 0 } }
    }

    /// `host:port`, with brackets around IPv6 literals.
    func display(port: UInt16) -> String {
        isIPv6 ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}

/// Text for a peer address: dotted quad for IPv4 and for IPv4-mapped IPv6 (so a dual-stack
/// listener reports `127.0.0.1`, not `::ffff:127.0.0.1`), RFC 5952 text for other IPv6.
func peerAddressText(_ address: UnsafePointer<sockaddr>) -> String {
    var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
    switch Int32(address.pointee.sa_family) {
    case AF_INET:
        var v4 = address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee.sin_addr }
        guard inet_ntop(AF_INET, &v4, &buffer, socklen_t(buffer.count)) != nil else { return "" }
    case AF_INET6:
        var v6 = address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { $0.pointee.sin6_addr }
        let bytes = withUnsafeBytes(of: &v6) { Array($0) }
        if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xFF && bytes[11] == 0xFF {
            return bytes[12...].map(String.init).joined(separator: ".")
        }
        guard inet_ntop(AF_INET6, &v6, &buffer, socklen_t(buffer.count)) != nil else { return "" }
    default:
        return ""
    }
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
