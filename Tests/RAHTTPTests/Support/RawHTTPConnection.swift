#if canImport(Glibc)
import Glibc
#endif

/// A plain TCP connection for sending bytes no well-behaved client would send (hand-made chunked
/// bodies, huge header blocks) and for seeing whether the server closed the connection.
final class RawHTTPConnection {
    struct Reply {
        var statusCode: Int
        var headers: [(name: String, value: String)]
        var body: [UInt8]

        func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }
    }

    enum Failure: Error { case connect(Int32), send(Int32), malformedReply(String) }

    private let fd: Int32

    init(port: UInt16) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        _ = setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            close(fd)
            throw Failure.connect(errno)
        }
    }

    deinit { close(fd) }

    func send(_ text: String) throws { try send(Array(text.utf8)) }

    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard written > 0 else { throw Failure.send(errno) }
            offset += written
        }
    }

    /// Reads one response framed by Content-Length.
    func readReply() throws -> Reply {
        var buffer: [UInt8] = []
        var headerEnd: Int?
        while headerEnd == nil {
            guard try readMore(into: &buffer) else { throw Failure.malformedReply("closed before headers") }
            headerEnd = find([13, 10, 13, 10], in: buffer)
        }
        guard let headerEnd else { throw Failure.malformedReply("no header end") }
        let head = String(decoding: buffer[..<headerEnd], as: UTF8.self).split(separator: "\r\n").map(String.init)
        guard let statusLine = head.first, statusLine.split(separator: " ").count >= 2,
              let status = Int(statusLine.split(separator: " ")[1]) else {
            throw Failure.malformedReply("bad status line")
        }
        let headers = head.dropFirst().compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let value = String(line[line.index(after: colon)...]).trimmingCharacters(in: " ")
            return (name: String(line[..<colon]), value: value)
        }
        let lengthText = headers.first { $0.name.lowercased() == "content-length" }?.value ?? "0"
        let length = Int(lengthText) ?? 0
        var body = Array(buffer[(headerEnd + 4)...])
        while body.count < length {
            guard try readMore(into: &body) else { throw Failure.malformedReply("closed inside body") }
        }
        return Reply(statusCode: status, headers: headers, body: Array(body.prefix(length)))
    }

    /// True when the peer has closed (read returns end of stream, or a reset).
    func peerClosed() -> Bool {
        var scratch: [UInt8] = []
        return (try? readMore(into: &scratch)) != true
    }

    private func readMore(into buffer: inout [UInt8]) throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if count < 0 { throw Failure.malformedReply("read failed: errno \(errno)") }
        buffer.append(contentsOf: chunk[..<count])
        return count > 0
    }

    private func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        search: for start in 0...(haystack.count - needle.count) {
            for (offset, byte) in needle.enumerated() where haystack[start + offset] != byte { continue search }
            return start
        }
        return nil
    }
}

extension String {
    func trimmingCharacters(in set: Character) -> String {
        var text = Substring(self)
        while text.first == set { text.removeFirst() }
        while text.last == set { text.removeLast() }
        return String(text)
    }
}
