#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Creates, binds and opens the listening socket before libmicrohttpd sees it.
///
/// Doing this here rather than letting libmicrohttpd bind means a failure carries the address and
/// the system's reason ("address already in use"), which libmicrohttpd would only print to its log.
enum ListeningSocket {
    static let backlog: Int32 = 1024

    /// Returns the listening descriptor and the port actually bound.
    static func open(_ address: ListenAddress, port: UInt16,
                     hopLimit: Int? = nil) throws(HTTPServerError) -> (fd: Int32, port: UInt16) {
        let domain = address.isIPv6 ? AF_INET6 : AF_INET
        let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        let fd = socket(domain, type, 0)
        guard fd >= 0 else { throw failure("create a socket for", address, port) }
        do throws(HTTPServerError) {
            try setOption(fd, SOL_SOCKET, SO_REUSEADDR, 1, address, port)
            if address.isIPv6 {
                try setOption(fd, Int32(IPPROTO_IPV6), IPV6_V6ONLY, address.isIPv6Unspecified ? 0 : 1, address, port)
            }
            if let hopLimit { try setHopLimit(fd, Int32(hopLimit), address, port) }
            try bindAddress(fd, address, port)
            guard listen(fd, backlog) == 0 else { throw failure("listen on", address, port) }
            return (fd, try boundPort(fd, address, port))
        } catch {
            close(fd)
            throw error
        }
    }

    private static func bindAddress(_ fd: Int32, _ address: ListenAddress, _ port: UInt16) throws(HTTPServerError) {
        let result: Int32
        switch address.family {
        case .ipv4(let ip):
            var sin = sockaddr_in()
            sin.sin_family = sa_family_t(AF_INET)
            sin.sin_port = port.bigEndian
            sin.sin_addr = ip
            result = withUnsafePointer(to: &sin) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
        case .ipv6(let ip):
            var sin6 = sockaddr_in6()
            sin6.sin6_family = sa_family_t(AF_INET6)
            sin6.sin6_port = port.bigEndian
            sin6.sin6_addr = ip
            result = withUnsafePointer(to: &sin6) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size))
                }
            }
        }
        guard result == 0 else { throw failure("listen on", address, port) }
    }

    private static func boundPort(_ fd: Int32, _ address: ListenAddress, _ port: UInt16) throws(HTTPServerError) -> UInt16 {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let result = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard result == 0 else { throw failure("read the bound port of", address, port) }
        let family = Int32(storage.ss_family)
        return withUnsafePointer(to: &storage) { pointer in
            switch family {
            case AF_INET6:
                pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin6_port) }
            default:
                pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin_port) }
            }
        }
    }

    /// IPv4 TTL or IPv6 unicast hops; a dual-stack `::` socket gets both, since IPv4 clients
    /// reach it as mapped addresses. Accepted sockets inherit the value from the listener.
    private static func setHopLimit(_ fd: Int32, _ hops: Int32, _ address: ListenAddress,
                                    _ port: UInt16) throws(HTTPServerError) {
        guard address.isIPv6 else {
            return try setOption(fd, Int32(IPPROTO_IP), IP_TTL, hops, address, port)
        }
        try setOption(fd, Int32(IPPROTO_IPV6), IPV6_UNICAST_HOPS, hops, address, port)
        if address.isIPv6Unspecified {
            // Best effort: Linux accepts it on an IPv6 socket, other systems may not.
            _ = try? setOption(fd, Int32(IPPROTO_IP), IP_TTL, hops, address, port)
        }
    }

    private static func setOption(_ fd: Int32, _ level: Int32, _ name: Int32, _ value: Int32,
                                  _ address: ListenAddress, _ port: UInt16) throws(HTTPServerError) {
        var value = value
        guard setsockopt(fd, level, name, &value, socklen_t(MemoryLayout<Int32>.size)) == 0 else {
            throw failure("configure the socket for", address, port)
        }
    }

    /// Builds the error from the current `errno`, e.g.
    /// "could not listen on 127.0.0.1:8443: address already in use".
    private static func failure(_ action: String, _ address: ListenAddress, _ port: UInt16) -> HTTPServerError {
        HTTPServerError(.listenFailed, "could not \(action) \(address.display(port: port)): \(errnoText(errno))")
    }
}

/// The system's text for an error number, starting lower-case so it reads inside a sentence.
func errnoText(_ code: Int32) -> String {
    var text = String(cString: strerror(code))
    if let first = text.first, first.isUppercase, text.dropFirst().first?.isLowercase ?? true {
        text = first.lowercased() + text.dropFirst()
    }
    return text
}
