/// Task 1, step 2 of SigV4: the canonical URI for every service except S3.
///
/// Rules (as botocore applies them, and as AWS documents them for non-S3 services):
/// the raw, already percent-encoded path is normalised (empty and `.` segments dropped, `..`
/// removes the previous segment, a trailing `/` kept) and then encoded once more, byte by byte,
/// keeping only unreserved characters and `/`. A wire path `/my%20role` therefore signs as
/// `/my%2520role`. The server must call this with the raw path it received, never a decoded one.
/// The official X.509 helper does not derive its URI at all: it always signs `/sessions`, even
/// when its `--endpoint` carries a base path; a signer imitating it passes `/sessions` here.
public enum CanonicalURI {
    /// The canonical URI for a raw request path (`/` for an empty path).
    public static func from(rawPath: String) -> String {
        PercentEncoding.encode(normalized(rawPath).utf8, keepingSlash: true)
    }

    /// RFC 3986 §5.2.4 dot-segment removal plus collapsing of repeated slashes.
    static func normalized(_ path: String) -> String {
        guard !path.isEmpty else { return "/" }
        var segments: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) where segment != "." {
            if segment == ".." {
                _ = segments.popLast()
            } else {
                segments.append(segment)
            }
        }
        let leading = path.hasPrefix("/") ? "/" : ""
        let trailing = path.hasSuffix("/") && !segments.isEmpty ? "/" : ""
        return leading + segments.joined(separator: "/") + trailing
    }
}
