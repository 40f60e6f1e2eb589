import RACore

/// Fits session tags and the source identity to what STS `AssumeRole` accepts, deterministically,
/// and says what it changed so the audit record can explain a missing tag.
///
/// Rules, applied in order and keeping the input order: a tag whose key or value breaks STS's
/// length or character rules is dropped; a key equal to an earlier one ignoring case is dropped
/// (STS refuses such pairs); tags beyond the 50th are dropped.
public enum SessionTagLimits {
    public static let maximumTags = 50
    public static let maximumKeyLength = 128
    public static let maximumValueLength = 256

    /// The tags STS will accept, and one note per kind of change.
    public static func fit(_ tags: [Tag]) -> (tags: [Tag], notes: [String]) {
        var kept: [Tag] = []
        var notes: [String] = []
        var seenKeys = Set<String>()
        var overflow: [String] = []
        for tag in tags {
            if let problem = problem(with: tag) {
                notes.append("session tag \(shown(tag.key)) not sent upstream: \(problem)")
                continue
            }
            guard seenKeys.insert(tag.key.lowercased()).inserted else {
                notes.append("session tag \(shown(tag.key)) not sent upstream: duplicates an earlier key ignoring case")
                continue
            }
            if kept.count < maximumTags {
                kept.append(tag)
            } else {
                overflow.append(shown(tag.key))
            }
        }
        if !overflow.isEmpty {
            notes.append("\(overflow.count) session tag(s) beyond STS's limit of \(maximumTags) not sent upstream: "
                + overflow.joined(separator: ", "))
        }
        return (kept, notes)
    }

    /// Why STS would refuse `tag`, or nil.
    static func problem(with tag: Tag) -> String? {
        if tag.key.isEmpty { return "empty key" }
        if tag.key.count > maximumKeyLength { return "key longer than \(maximumKeyLength) characters" }
        if tag.value.count > maximumValueLength { return "value longer than \(maximumValueLength) characters" }
        if !SessionTags.isTagText(tag.key) { return "key contains characters STS does not allow" }
        if !SessionTags.isTagText(tag.value) { return "value contains characters STS does not allow" }
        return nil
    }

    /// STS's `SourceIdentity`: 2-64 characters of `[\w+=,.@-]` (ASCII word characters). Others
    /// become `_`, longer values are cut, shorter ones are not sent.
    public static func fitSourceIdentity(_ identity: String) -> (sourceIdentity: String?, note: String?) {
        guard !identity.isEmpty else { return (nil, nil) }
        let allowed = String(String.UnicodeScalarView(identity.unicodeScalars.map { scalar in
            let isWord = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_")
            return isWord || "+=,.@-".unicodeScalars.contains(scalar) ? scalar : "_"
        }))
        let cut = String(allowed.prefix(64))
        guard cut.count >= 2 else {
            return (nil, "source identity \(shown(identity)) not sent upstream: shorter than 2 characters")
        }
        guard cut != identity else { return (identity, nil) }
        return (cut, "source identity \(shown(identity)) sent upstream as \(shown(cut)) (STS allows 2-64 characters of [A-Za-z0-9_+=,.@-])")
    }

    /// Quoted and cut to 64 characters, so a note stays readable whatever the input.
    static func shown(_ text: String) -> String {
        "\"" + (text.count > 64 ? String(text.prefix(61)) + "..." : text) + "\""
    }
}
