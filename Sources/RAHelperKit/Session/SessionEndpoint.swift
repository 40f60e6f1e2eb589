/// Where CreateSession is sent: the base URL from `--endpoint`, or the regional AWS endpoint.
///
/// The wire path is `<base path>/sessions`, but the signed URI is always `/sessions`, as in the
/// official helper; keeping the two apart here makes that quirk explicit.
struct SessionEndpoint: Sendable, Equatable {
    /// `https` or `http`.
    var scheme: String
    /// `host[:port]` exactly as written; sent and signed as `Host`.
    var authority: String
    /// Path prefix without a trailing slash, usually empty.
    var basePath: String

    /// Parses `--endpoint`. A value without a scheme is taken as `https://` (the official helper
    /// fails on it with an obscure URL error; assuming HTTPS is what the user meant).
    init(baseURL: String) throws(HelperError) {
        var rest = Substring(baseURL)
        var scheme = "https"
        if let separator = rest.range(of: "://") {
            scheme = rest[..<separator.lowerBound].lowercased()
            rest = rest[separator.upperBound...]
        }
        guard scheme == "https" || scheme == "http" else {
            throw HelperError.configuration("invalid endpoint \(baseURL): the scheme must be https or http")
        }
        if let cut = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<cut] }
        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        var authority = rest[..<slash]
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        guard !authority.isEmpty else {
            throw HelperError.configuration("invalid endpoint \(baseURL): no host")
        }
        var path = String(rest[slash...])
        while path.hasSuffix("/") { path.removeLast() }
        self.scheme = scheme
        self.authority = String(authority)
        self.basePath = path
    }

    /// `https://rolesanywhere.<region>.<dns suffix>`, the suffix chosen by the region's partition.
    init(region: String) {
        self.scheme = "https"
        self.authority = "rolesanywhere.\(region).\(Self.dnsSuffix(forRegion: region))"
        self.basePath = ""
    }

    /// The full URL for a CreateSession call with `query` (already encoded).
    func sessionsURL(query: String) -> String {
        "\(scheme)://\(authority)\(basePath)/sessions" + (query.isEmpty ? "" : "?\(query)")
    }

    /// DNS suffixes of the AWS partitions, by region-name prefix.
    static func dnsSuffix(forRegion region: String) -> String {
        let partitions: [(prefix: String, suffix: String)] = [
            ("cn-", "amazonaws.com.cn"),
            ("us-isob-", "sc2s.sgov.gov"),
            ("us-isof-", "csp.hci.ic.gov"),
            ("us-iso-", "c2s.ic.gov"),
            ("eu-isoe-", "cloud.adc-e.uk"),
        ]
        return partitions.first { region.hasPrefix($0.prefix) }?.suffix ?? "amazonaws.com"
    }
}
