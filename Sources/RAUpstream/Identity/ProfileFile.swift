/// The profiles in an AWS shared credentials or config file (INI).
///
/// Follows what the SDKs accept: `[name]` sections in the credentials file, `[default]` and
/// `[profile name]` in the config file (other config sections such as `[sso-session x]` are not
/// profiles), `#` and `;` comment lines, keys compared case-insensitively, and indented lines
/// (sub-settings such as `s3 =` blocks) ignored. Values are taken verbatim after `=`, so a `#`
/// inside a `credential_process` command line stays part of it.
public struct ProfileFile: Sendable, Equatable {
    public enum Kind: Sendable {
        case credentials
        case config
    }

    /// Settings by profile name, keys lower-cased. When a profile appears twice the sections merge,
    /// later values winning.
    public var profiles: [String: [String: String]]

    public init(profiles: [String: [String: String]]) {
        self.profiles = profiles
    }

    public init(parsing text: String, kind: Kind) {
        var profiles: [String: [String: String]] = [:]
        var current: String?
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine[...]
            guard let first = line.first else { continue }
            if first == " " || first == "\t" { continue }
            let trimmed = line.trimmingXMLWhitespace()
            if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.hasPrefix(";") { continue }
            if trimmed.hasPrefix("[") {
                current = Self.profileName(section: trimmed, kind: kind)
                if let current, profiles[current] == nil { profiles[current] = [:] }
                continue
            }
            guard let current, let equals = trimmed.firstIndex(of: "=") else { continue }
            let key = String(trimmed[..<equals]).trimmingXMLWhitespace().lowercased()
            let value = String(trimmed[trimmed.index(after: equals)...]).trimmingXMLWhitespace()
            guard !key.isEmpty else { continue }
            profiles[current, default: [:]][key] = value
        }
        self.profiles = profiles
    }

    /// The profile a section header names, or nil for a section that is not a profile.
    static func profileName(section: String, kind: Kind) -> String? {
        guard let close = section.lastIndex(of: "]") else { return nil }
        let inner = String(section[section.index(after: section.startIndex)..<close]).trimmingXMLWhitespace()
        guard !inner.isEmpty else { return nil }
        switch kind {
        case .credentials:
            return inner
        case .config:
            if inner == "default" { return inner }
            guard inner.hasPrefix("profile ") || inner.hasPrefix("profile\t") else { return nil }
            let name = String(inner.dropFirst(8)).trimmingXMLWhitespace()
            return name.isEmpty ? nil : name
        }
    }
}
