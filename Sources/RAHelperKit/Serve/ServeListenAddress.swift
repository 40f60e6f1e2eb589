#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The address `serve` binds to, checked before anything is bound: a literal (host names are not
/// resolved, so the bound address is never a surprise), and loopback unless the user insisted.
struct ServeListenAddress: Sendable, Equatable {
    /// The literal without brackets, as the HTTP server takes it.
    let literal: String
    let isIPv6: Bool
    let isLoopback: Bool
    /// `0.0.0.0` or `::`.
    let isUnspecified: Bool

    /// - Throws: for a non-literal, or a non-loopback address without `allowNonLoopback`.
    init(_ text: String, allowNonLoopback: Bool) throws(HelperError) {
        var literal = text
        if literal.hasPrefix("["), literal.hasSuffix("]") { literal = String(literal.dropFirst().dropLast()) }
        var v4 = in_addr()
        var v6 = in6_addr()
        let bytes: [UInt8]
        let loopback: Bool
        if inet_pton(AF_INET, literal, &v4) == 1 {
            bytes = withUnsafeBytes(of: &v4) { Array($0) }
            loopback = bytes[0] == 127
        } else if inet_pton(AF_INET6, literal, &v6) == 1 {
            bytes = withUnsafeBytes(of: &v6) { Array($0) }
            let mapped = bytes[0..<10].allSatisfy { $0 == 0 } && bytes[10] == 0xFF && bytes[11] == 0xFF
            loopback = (bytes[0..<15].allSatisfy { $0 == 0 } && bytes[15] == 1) || (mapped && bytes[12] == 127)
        } else {
            throw HelperError(.configuration, "invalid listen address \(text): not an IPv4 or IPv6 address")
        }
        guard loopback || allowNonLoopback else {
            throw HelperError(.configuration, "refusing to listen on \(text): it is not a loopback address, so other "
                + "hosts could take the credentials; pass --allow-non-loopback to do it anyway (with --hop-limit 1)")
        }
        self.literal = literal
        self.isIPv6 = bytes.count == 16
        self.isLoopback = loopback
        self.isUnspecified = bytes.allSatisfy { $0 == 0 }
    }

    /// The host part of a URL that reaches this listener from the same machine: loopback for the
    /// unspecified addresses, brackets around IPv6.
    var urlHost: String {
        if isUnspecified { return isIPv6 ? "[::1]" : "127.0.0.1" }
        return isIPv6 ? "[\(literal)]" : literal
    }
}
