import Foundation
import RACrypto
import RAWire

/// Looks at the certificate `serve --tls-cert` will present, the way its clients will: the
/// server still starts with a bad one (an operator may be mid-rotation), but says at start-up what
/// every client would otherwise report only as a handshake failure.
public enum ServerCertificateCheck {
    static let serverAuth = "1.3.6.1.5.5.7.3.1"
    static let anyExtendedKeyUsage = "2.5.29.37.0"

    /// One sentence per problem; empty when clients connecting to `listenHost` should accept it.
    /// A wildcard listen address (`0.0.0.0`, `::`) is not checked against the names.
    public static func warnings(certificatePEM: String, listenHost: String, now: Date) -> [String] {
        let certificate: Certificate
        guard !certificatePEM.allSatisfy(\.isWhitespace) else { return ["the TLS certificate file holds no certificate"] }
        do {
            guard let first = try Certificate.parseMany(pemOrDER: Array(certificatePEM.utf8)).first else {
                return ["the TLS certificate file holds no certificate"]
            }
            certificate = first
        } catch {
            return ["the TLS certificate cannot be read: \(error)"]
        }
        let name = certificate.subject.rfc4514
        var warnings: [String] = []
        if certificate.notAfter < now {
            warnings.append("the TLS certificate \(name) expired at \(RFC3339.format(certificate.notAfter)); clients will refuse the connection")
        } else if certificate.notBefore > now {
            warnings.append("the TLS certificate \(name) is not valid before \(RFC3339.format(certificate.notBefore)); clients will refuse the connection")
        }
        if let usages = certificate.extendedKeyUsage, !usages.contains(serverAuth), !usages.contains(anyExtendedKeyUsage) {
            warnings.append("the TLS certificate \(name) has an extended key usage without serverAuth (\(serverAuth)); clients will refuse it for a server")
        }
        if let problem = nameProblem(certificate, host: listenHost) {
            warnings.append(problem)
        }
        return warnings
    }

    static func nameProblem(_ certificate: Certificate, host: String) -> String? {
        let wildcards: Set<String> = ["", "0.0.0.0", "::", "[::]", "*"]
        guard !wildcards.contains(host) else { return nil }
        let names = certificate.subjectAlternativeNames
        let subject = certificate.subject.rfc4514
        guard names.contains(where: { if case .dns = $0 { true } else if case .ipAddress = $0 { true } else { false } }) else {
            return "the TLS certificate \(subject) has no DNS or IP subjectAlternativeName; clients (Python, Go, curl) will not accept it for \(host)"
        }
        if names.contains(where: { matches($0, host: host) }) { return nil }
        let listed = names.map(\.description).joined(separator: ", ")
        return "the TLS certificate \(subject) names \(listed), not the listen host \(host); clients connecting to \(host) will refuse it"
    }

    static func matches(_ name: GeneralName, host: String) -> Bool {
        let lower = host.lowercased()
        switch name {
        case .ipAddress(let address):
            return address.lowercased() == lower
        case .dns(let dns):
            let pattern = dns.lowercased()
            // A loopback listener is reached as `localhost` just as often as by number.
            if pattern == "localhost", lower.hasPrefix("127.") || lower == "::1" { return true }
            if pattern.hasPrefix("*.") {
                guard let dot = lower.firstIndex(of: ".") else { return false }
                return lower[dot...] == pattern.dropFirst()
            }
            return pattern == lower
        default:
            return false
        }
    }
}
