import Foundation
import RACommandLine
import RACore
import RAHTTPServer
import RAServer

/// `rolesanywhere serve`: assembles the configuration from flags, opens the state, starts the
/// listener and runs until SIGINT or SIGTERM, then stops accepting and exits 0.
enum ServeCommand {
    static func run(_ flags: FlagValues) throws {
        let dataDir = try Commands.required(flags, "data-dir")
        let (host, port) = try parseListen(flags.string("listen"))
        let threads = try bounded(flags.int("threads"), "--threads", Self.threadRange, unit: "")
        let clockSkew = try bounded(flags.int("clock-skew"), "--clock-skew", Self.clockSkewRange, unit: " seconds")
        if flags.isSet("account-id") { _ = try DataDirectory.accountId(flags.string("account-id")) }
        if flags.isSet("region") { _ = try DataDirectory.region(flags.string("region")) }
        let tls = try tlsSettings(flags)
        if tls == nil && !isLoopback(host) {
            throw CLIError(message: "refusing plain HTTP on \(host): give --tls-cert and --tls-key (plain HTTP is allowed on loopback only)")
        }
        let directory = try DataDirectory(dataDir)
        let store = try directory.openStore()
        let binding = try directory.accountBinding(flags, store: store)
        let configuration = ServiceConfiguration(accountId: binding.accountId, region: binding.region,
                                                 clockSkew: TimeInterval(clockSkew))
        let codec = try directory.sessionTokenCodec()
        let log = JSONLineLog()
        if let tls {
            for warning in ServerCertificateCheck.warnings(certificatePEM: tls.certificatePEM, listenHost: host, now: Date()) {
                log.record([("level", "warn"), ("msg", warning)])
            }
        }
        let application = Application(configuration: configuration, store: store, codec: codec,
                                      issuer: LocalCredentialIssuer(codec: codec), log: log)
        let limit = 1 << 20
        let server: HTTPServer
        do {
            server = try HTTPServer(
                configuration: .init(host: host, port: port, tls: tls, threadCount: threads,
                                     maxBodyBytes: limit,
                                     diagnostics: { log.record([("level", "warn"), ("transport", $0)]) }),
                responder: application)
            try server.start()
        } catch {
            throw CLIError(message: "cannot start the server: \(error)")
        }
        let scheme = tls == nil ? "http" : "https"
        let shownHost = host.contains(":") ? "[\(host)]" : host
        log.record([("level", "info"), ("msg", "listening"), ("url", "\(scheme)://\(shownHost):\(server.port)"),
                    ("accountId", configuration.accountId), ("region", configuration.region), ("dataDir", directory.path)])
        waitForTermination()
        server.stop()
        log.record([("level", "info"), ("msg", "stopped")])
    }

    /// Blocks until SIGINT or SIGTERM arrives.
    static func waitForTermination() {
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        let done = DispatchSemaphore(value: 0)
        let sources = [SIGINT, SIGTERM].map { number in
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { done.signal() }
            source.resume()
            return source
        }
        done.wait()
        sources.forEach { $0.cancel() }
    }

    static func parseListen(_ text: String) throws -> (String, UInt16) {
        var host: Substring, portText: Substring
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            host = text[text.index(after: text.startIndex)..<close]
            portText = text[close...].dropFirst().drop { $0 == ":" }
        } else if let colon = text.lastIndex(of: ":") {
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
        } else {
            throw CLIError.usage("--listen '\(text)' must be HOST:PORT, e.g. 127.0.0.1:8443 or [::1]:8443")
        }
        if host == "localhost" { host = "127.0.0.1" }
        guard let port = UInt16(portText), !host.isEmpty else {
            throw CLIError.usage("--listen '\(text)' must be HOST:PORT with a port from 0 to 65535")
        }
        return (String(host), port)
    }

    static func isLoopback(_ host: String) -> Bool { host == "::1" || host.hasPrefix("127.") }

    static func tlsSettings(_ flags: FlagValues) throws -> HTTPServer.TLS? {
        switch (flags.nonEmptyString("tls-cert"), flags.nonEmptyString("tls-key")) {
        case (nil, nil): return nil
        case (let cert?, let key?):
            let certificate = String(decoding: try Commands.readFile(cert, what: "TLS certificate"), as: UTF8.self)
            let privateKey = String(decoding: try Commands.readFile(key, what: "TLS key"), as: UTF8.self)
            return HTTPServer.TLS(certificatePEM: certificate, privateKeyPEM: privateKey)
        default: throw CLIError.usage("--tls-cert and --tls-key go together")
        }
    }

    static let threadRange = 1...256
    static let clockSkewRange = 0...3600

    /// A numeric flag within `range`; a value outside it would start a server that cannot work
    /// (no workers, or a window that refuses every request).
    static func bounded(_ value: Int, _ flag: String, _ range: ClosedRange<Int>, unit: String) throws -> Int {
        guard range.contains(value) else {
            throw CLIError.usage("\(flag) \(value) is out of range; give \(range.lowerBound) to \(range.upperBound)\(unit)")
        }
        return value
    }
}

/// One JSON object per line on stderr, with a timestamp. Callers never pass secrets.
struct JSONLineLog: RequestLog {
    func record(_ fields: [(String, String)]) {
        var object: [String: String] = ["time": ISO8601DateFormatter().string(from: Date())]
        for (key, value) in fields { object[key] = value }
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else { return }
        FileHandle.standardError.write(data + Data("\n".utf8))
    }
}
