import RAWire

/// What a cache file holds: the key it was written for and the credentials, one `name=value` per line.
///
/// The key travels with the credentials so that a file is used only by the configuration that wrote
/// it, whatever its name; `version` lets a later format be told apart and ignored instead of misread.
/// A plain line format rather than JSON keeps the cached path free of JSONDecoder's first-use cost
/// (about 0.3 ms of generic-metadata set-up in a fresh process), and is as easy to inspect.
struct CacheRecord: Equatable, Sendable {
    static let currentVersion = 1
    static let header = "# aws_signing_helper credential cache; written atomically, safe to delete"

    var version: Int
    var key: String
    var credentials: SessionCredentials

    init(key: CacheKey, credentials: SessionCredentials) {
        version = Self.currentVersion
        self.key = key.text
        self.credentials = credentials
    }

    /// The file's bytes. Credentials with a line break cannot be written faithfully and are refused
    /// (AWS never issues such values); key lines never contain one, `CacheKey` escapes them.
    func encoded() throws(CacheFileError) -> [UInt8] {
        let fields = [credentials.expiration, credentials.accessKeyId, credentials.secretAccessKey,
                      credentials.sessionToken]
        guard !fields.contains(where: { $0.contains(where: \.isNewline) }) else {
            throw CacheFileError("the credentials contain a line break and cannot be cached")
        }
        var lines = [Self.header, "version=\(version)", "expiration=\(credentials.expiration)",
                     "access-key-id=\(credentials.accessKeyId)", "secret-access-key=\(credentials.secretAccessKey)",
                     "session-token=\(credentials.sessionToken)"]
        lines += key.split(separator: "\n", omittingEmptySubsequences: false).map { "key=\($0)" }
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }

    /// Parses a file's bytes; anything but the exact shape `encoded()` writes is rejected, and the
    /// reason never quotes the contents.
    static func decode(_ bytes: [UInt8]) throws(CacheFileError) -> CacheRecord {
        let notARecord = CacheFileError("the file is not a credential cache record")
        guard bytes.last == 0x0A else { throw notARecord }
        var lines = String(decoding: bytes.dropLast(), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first == Substring(header) else { throw notARecord }
        lines.removeFirst()
        var fields: [Substring: Substring] = [:]
        var keyLines: [Substring] = []
        for line in lines {
            guard let equals = line.firstIndex(of: "=") else { throw notARecord }
            let name = line[..<equals]
            let value = line[line.index(after: equals)...]
            if name == "key" {
                keyLines.append(value)
            } else {
                guard fields.updateValue(value, forKey: name) == nil else { throw notARecord }
            }
        }
        guard let versionText = fields["version"], let version = Int(versionText) else { throw notARecord }
        guard version == currentVersion else {
            throw CacheFileError("the record has version \(version), expected \(currentVersion)")
        }
        guard fields.count == 5, !keyLines.isEmpty, let expiration = fields["expiration"],
              let accessKeyId = fields["access-key-id"], let secret = fields["secret-access-key"],
              let token = fields["session-token"] else { throw notARecord }
        return CacheRecord(version: version, key: keyLines.joined(separator: "\n"),
                           credentials: SessionCredentials(accessKeyId: String(accessKeyId),
                                                           expiration: String(expiration),
                                                           secretAccessKey: String(secret),
                                                           sessionToken: String(token)))
    }

    private init(version: Int, key: String, credentials: SessionCredentials) {
        self.version = version
        self.key = key
        self.credentials = credentials
    }
}
