import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A loopback HTTP/1.1 server for the cache tests: it answers every connection with the same
/// CreateSession response after an optional delay (to hold concurrent helpers in their race) and
/// counts the requests, which is what the cache promises to keep at one.
final class CacheCountingResponder: Sendable {
    let port: Int
    private let listener: Int32
    private let count = Mutex(0)
    private let stopped = Mutex(false)

    /// Answers with these credentials, each answer `delay` seconds after its request arrived.
    init(accessKeyId: String, secretAccessKey: String, sessionToken: String, expiration: String,
         delay: Double = 0) throws {
        (listener, port) = try LoopbackListener.open(backlog: 64)
        let body = #"{"credentialSet":[{"credentials":{"accessKeyId":"\#(accessKeyId)","expiration":"\#(expiration)","#
            + #""secretAccessKey":"\#(secretAccessKey)","sessionToken":"\#(sessionToken)"}}],"subjectArn":"arn:x"}"#
        let reply = Array(("HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n"
            + "Connection: close\r\n\r\n" + body).utf8)
        let thread = Thread { [self] in acceptLoop(reply: reply, delay: delay) }
        thread.start()
    }

    /// Stops accepting; the accept thread holds the responder until then.
    func stop() {
        guard !stopped.withLock({ value in defer { value = true }; return value }) else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    /// Requests answered (or being answered) so far.
    var requests: Int { count.withLock { $0 } }

    private func acceptLoop(reply: [UInt8], delay: Double) {
        while !stopped.withLock({ $0 }) {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else {
                if errno == EINTR { continue }
                return
            }
            Thread { [self] in answer(connection, reply: reply, delay: delay) }.start()
        }
    }

    private func answer(_ connection: Int32, reply: [UInt8], delay: Double) {
        defer { close(connection) }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 8192)
        while !Self.isComplete(received) {
            let read = buffer.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
            if read <= 0 { return }
            received += buffer[0..<read]
        }
        count.withLock { $0 += 1 }
        if delay > 0 { Thread.sleep(forTimeInterval: delay) }
        _ = reply.withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// True once the head and the `Content-Length` body have arrived.
    private static func isComplete(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 4,
              let end = (0...(bytes.count - 4)).first(where: { bytes[$0..<($0 + 4)].elementsEqual([13, 10, 13, 10]) })
        else { return false }
        let head = String(decoding: bytes[..<end], as: UTF8.self).lowercased()
        var length = 0
        for line in head.split(separator: "\r\n") where line.hasPrefix("content-length:") {
            length = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) ?? 0
        }
        return bytes.count - (end + 4) >= length
    }
}
