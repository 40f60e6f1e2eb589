/// Puts new credentials into the text of an AWS shared credentials file, touching nothing but the
/// three key lines of the target profile.
///
/// The official helper's algorithm (`GetNewCredentialsFileContents`) has quirks that lose data;
/// this one keeps its visible contract (`[name]` headers, `key = value` lines, keys appended in
/// access key, secret, token order) and fixes the rest:
/// - every line keeps its own ending, so CRLF files stay CRLF (the official one converts to LF);
/// - the last line of a profile at the end of the file is kept (the official one drops it);
/// - a header on the last line gets its keys below it, not a second copy of the section;
/// - keys are matched by name (`aws_access_key_id`, any case, spaces around it), not by prefix,
///   so `aws_access_key_id_old = …` survives;
/// - every section with the profile's name is updated, so a duplicate further down cannot shadow
///   the new keys; missing keys go after the first section's last entry, not after trailing
///   blank lines and comments that belong to the next section.
enum CredentialsFileEditor {
    static let accessKeyName = "aws_access_key_id"
    static let secretKeyName = "aws_secret_access_key"
    static let sessionTokenName = "aws_session_token"

    private struct Line {
        var content: String
        /// `"\r\n"`, `"\n"`, or `""` for a last line without one.
        var ending: String
    }

    /// The file's new text. `profile` is the bare section name (`default`, not `profile default`),
    /// as the credentials file spells it.
    static func rewrite(_ text: String, profile: String, credentials: Credentials) -> String {
        var lines = split(text)
        let newline = lines.first { !$0.ending.isEmpty }?.ending ?? "\n"
        let values = [(name: accessKeyName, value: credentials.accessKeyId),
                      (name: secretKeyName, value: credentials.secretAccessKey),
                      (name: sessionTokenName, value: credentials.sessionToken)]
        var found: Set<String> = []
        // The last entry (or the header) of the first section with the profile's name.
        var anchor: Int?
        var inTarget = false
        var inFirstTarget = false
        for index in lines.indices {
            if let name = sectionName(lines[index].content) {
                inTarget = name == profile
                inFirstTarget = inTarget && anchor == nil
                if inFirstTarget { anchor = index }
                continue
            }
            guard inTarget, let key = keyName(lines[index].content) else { continue }
            if inFirstTarget { anchor = index }
            if let entry = values.first(where: { $0.name == key }) {
                lines[index].content = "\(entry.name) = \(entry.value)"
                found.insert(key)
            }
        }
        var missing = values.filter { !found.contains($0.name) }.map { Line(content: "\($0.name) = \($0.value)", ending: newline) }
        guard let anchor else {
            if let last = lines.indices.last {
                if lines[last].ending.isEmpty { lines[last].ending = newline }
                if !lines[last].content.allSatisfy(\.isWhitespace) { lines.append(Line(content: "", ending: newline)) }
            }
            return join(lines + [Line(content: "[\(profile)]", ending: newline)] + missing)
        }
        guard !missing.isEmpty else { return join(lines) }
        if lines[anchor].ending.isEmpty {
            // The anchor is the last line and has no line end: the file keeps ending without one.
            lines[anchor].ending = newline
            missing[missing.count - 1].ending = ""
        }
        lines.insert(contentsOf: missing, at: anchor + 1)
        return join(lines)
    }

    /// The section name of a header line (`[name]`, surrounding spaces allowed, text after the
    /// closing bracket ignored as Python's configparser does), or nil.
    static func sectionName(_ content: String) -> String? {
        let trimmed = content.trimmingWhitespace()
        guard trimmed.hasPrefix("["), let close = trimmed.lastIndex(of: "]") else { return nil }
        let start = trimmed.index(after: trimmed.startIndex)
        guard start < close else { return nil }
        return String(trimmed[start..<close])
    }

    /// The lower-cased key of a `key = value` or `key: value` line; nil for comments, blank lines
    /// and anything else.
    static func keyName(_ content: String) -> String? {
        let trimmed = content.trimmingWhitespace()
        guard let first = trimmed.first, first != "#", first != ";",
              let delimiter = trimmed.firstIndex(where: { $0 == "=" || $0 == ":" }) else { return nil }
        let key = trimmed[..<delimiter].trimmingWhitespace().lowercased()
        return key.isEmpty ? nil : key
    }

    /// Splits on LF, remembering whether each line ended in CRLF, LF or nothing. Works on UTF-8
    /// bytes because Swift treats CRLF as one character.
    private static func split(_ text: String) -> [Line] {
        var lines: [Line] = []
        var current: [UInt8] = []
        for byte in text.utf8 {
            if byte == 0x0A {
                let crlf = current.last == 0x0D
                if crlf { current.removeLast() }
                lines.append(Line(content: String(decoding: current, as: UTF8.self), ending: crlf ? "\r\n" : "\n"))
                current = []
            } else {
                current.append(byte)
            }
        }
        if !current.isEmpty { lines.append(Line(content: String(decoding: current, as: UTF8.self), ending: "")) }
        return lines
    }

    private static func join(_ lines: [Line]) -> String {
        lines.map { $0.content + $0.ending }.joined()
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs (and a stray CR).
    fileprivate func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[start...end])
    }
}
