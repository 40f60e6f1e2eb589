import Foundation

/// PEM is how operators hand us certificates, keys and CRLs. Splitting it in Swift (rather than
/// through OpenSSL's readers) lets callers pick blocks by label, such as the key out of a combined
/// cert+key file, and keep block order, which matters for chains.
public enum PEM {
    /// RFC 7468 text: the base64 body wrapped at 64 columns between BEGIN/END lines, ending in a newline.
    public static func encode(der: [UInt8], label: String) -> String {
        let body = Data(der).base64EncodedString(options: [.lineLength64Characters, .endLineWithLineFeed])
        var text = "-----BEGIN \(label)-----\n"
        text += body
        if !body.isEmpty && !body.hasSuffix("\n") { text += "\n" }
        text += "-----END \(label)-----\n"
        return text
    }

    /// Every well-formed block in `text`, in order. Text outside blocks is ignored (OpenSSL writes
    /// "Bag Attributes" and similar preambles). Blocks with RFC 1421 headers (legacy encrypted keys)
    /// are returned with the header lines skipped, so their `der` is the still-encrypted body.
    /// A block whose END label does not match its BEGIN label, or whose body is not base64, is skipped.
    public static func blocks(in text: String) -> [(label: String, der: [UInt8])] {
        var result: [(label: String, der: [UInt8])] = []
        var currentLabel: String?
        var body = ""
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if let label = boundaryLabel(line, kind: "BEGIN") {
                currentLabel = label
                body = ""
                continue
            }
            guard let open = currentLabel else { continue }
            if let label = boundaryLabel(line, kind: "END") {
                if label == open, let data = Data(base64Encoded: body, options: .ignoreUnknownCharacters) {
                    result.append((label: open, der: [UInt8](data)))
                }
                currentLabel = nil
                body = ""
                continue
            }
            if line.contains(":") { continue }  // RFC 1421 header such as "Proc-Type: 4,ENCRYPTED"
            body += line
        }
        return result
    }

    /// True when `bytes` look like PEM text rather than DER (DER always starts with a SEQUENCE tag).
    static func looksLikePEM(_ bytes: [UInt8]) -> Bool {
        guard let first = bytes.first, first != 0x30 else { return false }
        let marker = Array("-----BEGIN ".utf8)
        guard bytes.count >= marker.count else { return false }
        for start in 0...(bytes.count - marker.count) where bytes[start] == marker[0] {
            if Array(bytes[start..<(start + marker.count)]) == marker { return true }
        }
        return false
    }

    private static func boundaryLabel(_ line: String, kind: String) -> String? {
        let prefix = "-----\(kind) "
        let suffix = "-----"
        guard line.hasPrefix(prefix), line.hasSuffix(suffix), line.count >= prefix.count + suffix.count else {
            return nil
        }
        return String(line.dropFirst(prefix.count).dropLast(suffix.count))
    }
}
