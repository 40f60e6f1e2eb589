/// Where an upstream query-protocol service (STS, IAM) answers, and the region it signs for.
///
/// AWS STS is regional (`https://sts.<region>.amazonaws.com`); S3-compatible stores (MinIO, Ceph
/// RGW) serve STS on their own URL and usually accept any region, commonly `us-east-1`.
public struct UpstreamEndpoint: Sendable, Equatable {
    /// Absolute `http://` or `https://` URL; a path, if any, is where requests are posted.
    public var url: String
    /// The SigV4 signing region.
    public var region: String
    public var transport: UpstreamTransport

    public init(url: String, region: String, transport: UpstreamTransport = UpstreamTransport()) {
        self.url = url
        self.region = region
        self.transport = transport
    }

    /// AWS's regional STS endpoint (`.amazonaws.com.cn` in the China regions).
    public static func awsSTS(region: String, transport: UpstreamTransport = UpstreamTransport()) -> UpstreamEndpoint {
        let suffix = region.hasPrefix("cn-") ? "amazonaws.com.cn" : "amazonaws.com"
        return UpstreamEndpoint(url: "https://sts.\(region).\(suffix)", region: region, transport: transport)
    }

    /// The authority (host and any port, as written) and the path to post to, or nil when `url`
    /// is not an absolute http(s) URL without user information, query or fragment.
    var target: (authority: String, path: String)? {
        let lower = url.lowercased()
        let schemeLength: Int
        if lower.hasPrefix("https://") {
            schemeLength = 8
        } else if lower.hasPrefix("http://") {
            schemeLength = 7
        } else {
            return nil
        }
        let rest = url.dropFirst(schemeLength)
        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        let authority = String(rest[..<slash])
        let path = slash == rest.endIndex ? "/" : String(rest[slash...])
        guard !authority.isEmpty, !authority.contains("@"), !path.contains("?"), !path.contains("#"),
              !url.utf8.contains(where: { $0 <= 0x20 || $0 == 0x7F }) else { return nil }
        return (authority, path)
    }

    /// `url` with the posted path made explicit, as the HTTP client wants it.
    var requestURL: String {
        guard let target else { return url }
        let scheme = url.lowercased().hasPrefix("https://") ? "https" : "http"
        return scheme + "://" + target.authority + target.path
    }
}
