/// Task 1, steps 4-5 of SigV4: the canonical header block for a list of signed header names.
///
/// Each signed header becomes `lowercase(name):value\n`. The value of a repeated header is its
/// values joined with `,` in arrival order; every value is trimmed of spaces and tabs at both ends
/// and each inner run of spaces becomes one space (tabs inside a value are left alone, as the Go
/// helper does; botocore would also fold them, but HTTP header values do not carry them in practice).
public enum CanonicalHeaders {
    /// The header block, one line per name in `signedHeaders`, in the order given.
    /// - Parameters:
    ///   - signedHeaders: lower-case names, already sorted by the signer.
    ///   - headers: the request's header fields.
    /// - Throws: `IncompleteSignatureException` when a signed header is absent from the request.
    public static func block(signedHeaders: [String],
                             headers: [(name: String, value: String)]) throws(WireError) -> String {
        var grouped: [String: [String]] = [:]
        for field in headers {
            grouped[field.name.lowercased(), default: []].append(normalizedValue(field.value))
        }
        var block = ""
        for name in signedHeaders {
            guard let values = grouped[name] else {
                throw .incompleteSignature("The signed header '\(name)' is missing from the request.")
            }
            block += name + ":" + values.joined(separator: ",") + "\n"
        }
        return block
    }

    /// `value` trimmed of edge spaces and tabs, with inner runs of spaces collapsed.
    public static func normalizedValue(_ value: String) -> String {
        let space = UInt8(ascii: " ")
        let tab = UInt8(ascii: "\t")
        let bytes = Array(value.utf8)
        guard let first = bytes.firstIndex(where: { $0 != space && $0 != tab }),
              let last = bytes.lastIndex(where: { $0 != space && $0 != tab }) else { return "" }
        var out: [UInt8] = []
        out.reserveCapacity(last - first + 1)
        for byte in bytes[first...last] where !(byte == space && out.last == space) {
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
