/// Task 1, step 3 of SigV4: the canonical query string, rebuilt from the raw query.
///
/// Each `name=value` pair is decoded (with `+` read as a space, which is how the Go helper's
/// `url.Values` puts spaces on the wire before signing them as `%20`), re-encoded with the
/// SigV4 unreserved set and upper-case hex, and the pairs are sorted by encoded name and then
/// encoded value (AWS's rule, and botocore's; the Go helper keeps arrival order for a repeated
/// name, which only differs when a name repeats with unsorted values). A pair without `=` gets an
/// empty value; empty segments (`a=1&&b=2`) are skipped.
public enum CanonicalQuery {
    /// The canonical form of `rawQuery` (empty for an empty query).
    /// - Throws: `MalformedQueryString` when a `%` escape is broken.
    public static func from(rawQuery: String) throws(WireError) -> String {
        var pairs: [(name: String, value: String)] = []
        for segment in rawQuery.utf8.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let equals = segment.firstIndex(of: UInt8(ascii: "="))
            let rawName = segment[..<(equals ?? segment.endIndex)]
            let rawValue = equals.map { segment[segment.index(after: $0)...] } ?? segment[segment.endIndex...]
            guard let name = PercentEncoding.decode(rawName, plusIsSpace: true),
                  let value = PercentEncoding.decode(rawValue, plusIsSpace: true) else {
                throw .malformedQueryString("The query string contains an invalid percent-encoding.")
            }
            pairs.append((PercentEncoding.encode(name), PercentEncoding.encode(value)))
        }
        // Encoded text is ASCII, so String ordering is byte ordering here.
        pairs.sort { $0.name != $1.name ? $0.name < $1.name : $0.value < $1.value }
        return pairs.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
    }
}
