import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A plain TCP client for wire-level checks of `serve`: sends bytes as given and reads the whole
/// answer until the server closes. Also finds this process's own server-side sockets, so the hop
/// limit set on them can be read back.
enum ServeRawConnection {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Connects to `host` (an IPv4 or IPv6 literal) and port, sends `request`, returns the reply.
    static func exchange(host: String, port: Int, _ request: String, keepOpen: ((Int32) -> Void)? = nil) throws -> String {
        let descriptor = try connect(host: host, port: port)
        defer { close(descriptor) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let bytes = Array(request.utf8)
        guard bytes.withUnsafeBytes({ send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }) == bytes.count else {
            throw Failure(description: "send failed: errno \(errno)")
        }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            received += buffer[0..<count]
            keepOpen?(descriptor)
        }
        return String(decoding: received, as: UTF8.self)
    }

    static func connect(host: String, port: Int) throws -> Int32 {
        var v4 = in_addr()
        var v6 = in6_addr()
        if inet_pton(AF_INET, host, &v4) == 1 {
            let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = UInt16(port).bigEndian
            address.sin_addr = v4
            let result = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            guard result == 0 else {
                close(descriptor)
                throw Failure(description: "connect to \(host):\(port) failed: errno \(errno)")
            }
            return descriptor
        }
        guard inet_pton(AF_INET6, host, &v6) == 1 else { throw Failure(description: "not an IP literal: \(host)") }
        let descriptor = socket(AF_INET6, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in6()
        address.sin6_family = sa_family_t(AF_INET6)
        address.sin6_port = UInt16(port).bigEndian
        address.sin6_addr = v6
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in6>.size))
            }
        }
        guard result == 0 else {
            close(descriptor)
            throw Failure(description: "connect to [\(host)]:\(port) failed: errno \(errno)")
        }
        return descriptor
    }

    /// The hop limit (IPv4 TTL or IPv6 unicast hops) of every socket in this process whose local
    /// port is `port`: the listener and the connections it accepted.
    static func hopLimits(ofLocalPort port: Int, ipv6: Bool) -> [Int32] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") else { return [] }
        var limits: [Int32] = []
        for name in names {
            guard let descriptor = Int32(name) else { continue }
            var storage = sockaddr_storage()
            var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
            let named = withUnsafeMutablePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
            }
            guard named == 0 else { continue }
            let family = Int32(storage.ss_family)
            let localPort: UInt16 = withUnsafePointer(to: &storage) { pointer in
                family == AF_INET6
                    ? pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin6_port) }
                    : pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin_port) }
            }
            guard (family == AF_INET || family == AF_INET6), Int(localPort) == port else { continue }
            var type: Int32 = 0
            var typeLength = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(descriptor, SOL_SOCKET, SO_TYPE, &type, &typeLength)
            guard type == Int32(SOCK_STREAM.rawValue) else { continue }
            var value: Int32 = 0
            var valueLength = socklen_t(MemoryLayout<Int32>.size)
            let result = ipv6
                ? getsockopt(descriptor, Int32(IPPROTO_IPV6), IPV6_UNICAST_HOPS, &value, &valueLength)
                : getsockopt(descriptor, Int32(IPPROTO_IP), IP_TTL, &value, &valueLength)
            if result == 0 { limits.append(value) }
        }
        return limits
    }
}
