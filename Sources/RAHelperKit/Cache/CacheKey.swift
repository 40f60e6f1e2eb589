#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import RACrypto

/// Names one cache entry: everything that decides which session CreateSession would hand out, so two
/// configurations share cached credentials only when a fresh call would give them the same role session.
///
/// The full text is stored in the cache file and compared exactly before cached credentials are used;
/// the file name is only a short hash of it, so a hash collision costs a refetch, never wrong credentials.
/// Secrets that can ride along in a configuration (a `pin-value` in a PKCS#11 URI, key passwords) are
/// left out, so the key can be written next to the credentials without spreading them further.
public struct CacheKey: Sendable, Equatable {
    /// One `name=value` line per field, in a fixed order.
    public let text: String

    /// Builds the key for a configuration. A certificate file contributes its path and its identity on
    /// disk (device, inode, size, modification time), so a renewed certificate starts a new entry
    /// without the cached path having to read or parse it; a certificate held in memory contributes a
    /// SHA-256 of its bytes.
    public init(configuration: CredentialsConfiguration) {
        var lines: [String] = []
        switch configuration.certificate {
        case .file(let path): lines.append("certificate=file:\(path) \(Self.fileIdentity(path))")
        case .pkcs11(let uri): lines.append("certificate=pkcs11:\(Self.withoutPIN(uri))")
        case .inMemory(let source): lines.append("certificate=memory:\(source.origin) \(Self.contentIdentity(source))")
        case nil:
            lines.append("certificate=store:\(configuration.hardware.certSelector ?? "") "
                + configuration.hardware.systemStoreName)
        }
        switch configuration.privateKey {
        case .file(let path): lines.append("private-key=file:\(path)")
        case .pkcs11(let uri): lines.append("private-key=pkcs11:\(Self.withoutPIN(uri))")
        case .tpmHandle(let handle): lines.append("private-key=tpm:\(handle)")
        case .inMemory(let source): lines.append("private-key=memory:\(source.origin)")
        case nil: lines.append("private-key=")
        }
        lines.append("intermediates=\(configuration.intermediatesPath ?? "")")
        lines.append("trust-anchor-arn=\(configuration.trustAnchorArn)")
        lines.append("profile-arn=\(configuration.profileArn)")
        lines.append("role-arn=\(configuration.roleArn)")
        lines.append("region=\(configuration.region ?? "")")
        lines.append("endpoint=\(configuration.endpoint ?? "")")
        lines.append("session-duration=\(configuration.sessionDuration)")
        lines.append("role-session-name=\(configuration.roleSessionName ?? "")")
        // Newlines inside values would let one field pose as another; escape them.
        text = lines.map { $0.replacingNewlines() }.joined(separator: "\n")
    }

    /// A key made of exactly this text, for tests and for programs with their own notion of identity.
    public init(text: String) {
        self.text = text
    }

    /// 64-bit FNV-1a of `text` as 16 lower-case hex digits plus `.cache`. A short, stable file name is
    /// all this is for; `text` itself is compared before anything is trusted.
    public var fileName: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex + ".cache"
    }

    /// `dev:inode:size:mtime` of a file, or `missing` when it cannot be examined (the fetch will then
    /// report the official error for it).
    static func fileIdentity(_ path: String) -> String {
        var status = stat()
        guard stat(path, &status) == 0 else { return "missing" }
        #if canImport(Darwin)
        let modified = status.st_mtimespec
        #else
        let modified = status.st_mtim
        #endif
        return "\(status.st_dev):\(status.st_ino):\(status.st_size):\(modified.tv_sec).\(modified.tv_nsec)"
    }

    /// `sha256:<hex>` of certificate bytes held in memory (they may hold a key too, so only a digest is
    /// kept), or `unavailable` when they could not be read.
    static func contentIdentity(_ source: InMemorySource) -> String {
        guard let bytes = try? source.bytes() else { return "unavailable" }
        return "sha256:" + SHA256.hash(bytes).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// The URI without any `pin-value` attribute, in its path (`;`-separated) or query (`&`-separated).
    static func withoutPIN(_ uri: String) -> String {
        let parts = uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let path = parts[0].split(separator: ";", omittingEmptySubsequences: false)
            .filter { !$0.lowercased().hasPrefix("pin-value=") }.joined(separator: ";")
        guard parts.count == 2 else { return path }
        let query = parts[1].split(separator: "&", omittingEmptySubsequences: false)
            .filter { !$0.lowercased().hasPrefix("pin-value=") }.joined(separator: "&")
        return query.isEmpty ? path : path + "?" + query
    }
}

private extension String {
    func replacingNewlines() -> String {
        guard unicodeScalars.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\\" }) else { return self }
        var out = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            switch scalar {
            case "\\": out.append(contentsOf: "\\\\".unicodeScalars)
            case "\n": out.append(contentsOf: "\\n".unicodeScalars)
            case "\r": out.append(contentsOf: "\\r".unicodeScalars)
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}
