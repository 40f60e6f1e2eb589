import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A one-shot HTTP/1.1 responder on 127.0.0.1 for tests of the built binary: it accepts a single
/// connection, records the raw request, sends a scripted response and closes. Plain sockets keep
/// these tests independent of the server targets.
final class LoopbackResponder: Sendable {
    struct CapturedRequest: Sendable {
        var method: String
        /// The request target as sent, e.g. `/sessions?profileArn=…`.
        var target: String
        var headers: [(name: String, value: String)]
        var body: [UInt8]

        func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }
    }

    let port: Int
    private let listener: Int32
    private let captured = Mutex<CapturedRequest?>(nil)
    private let finished = Mutex<Bool>(false)

    init(status: Int, reason: String, headers: [(String, String)], body: String) throws {
        (listener, port) = try LoopbackListener.open(backlog: 4)
        var response = "HTTP/1.1 \(status) \(reason)\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n"
        for (name, value) in headers { response += "\(name): \(value)\r\n" }
        response += "\r\n" + body
        let reply = Array(response.utf8)
        let thread = Thread { [self] in serveOnce(reply) }
        thread.start()
    }

    deinit { close(listener) }

    /// The request once it has been answered; nil if none arrived within `timeout` seconds.
    func request(timeout: Double = 10) -> CapturedRequest? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if finished.withLock({ $0 }) { return captured.withLock { $0 } }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return nil
    }

    private func serveOnce(_ reply: [UInt8]) {
        defer { finished.withLock { $0 = true } }
        let connection = accept(listener, nil, nil)
        guard connection >= 0 else { return }
        defer { close(connection) }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 8192)
        while true {
            if let request = Self.parse(received) {
                captured.withLock { $0 = request }
                break
            }
            let count = buffer.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
            if count <= 0 { return }
            received += buffer[0..<count]
        }
        _ = reply.withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// A complete request (head plus `Content-Length` body), or nil while more bytes are needed.
    private static func parse(_ bytes: [UInt8]) -> CapturedRequest? {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard bytes.count >= 4,
              let end = (0...(bytes.count - 4)).first(where: { Array(bytes[$0..<($0 + 4)]) == separator }) else { return nil }
        let head = String(decoding: bytes[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let requestLine = head[0].split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        var headers: [(name: String, value: String)] = []
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        let length = Int(headers.first { $0.name.lowercased() == "content-length" }?.value ?? "0") ?? 0
        let body = bytes[(end + 4)...]
        guard body.count >= length else { return nil }
        return CapturedRequest(method: String(requestLine[0]), target: String(requestLine[1]), headers: headers,
                               body: Array(body.prefix(length)))
    }
}
