/// Everything the upstream issuer needs, as one plain value the executable assembles from the
/// server configuration (the library reads no files or environment of its own for it).
public struct UpstreamSTSConfiguration: Sendable {
    /// The STS to call `AssumeRole` on (AWS, MinIO, Ceph RGW, …).
    public var endpoint: UpstreamEndpoint
    /// How the server authenticates itself to that STS.
    public var identity: UpstreamCredentialChain
    public var roleMapping: UpstreamRoleMapping
    public var retry: UpstreamRetryPolicy
    /// Credentials from the upstream that expire sooner than this are refused: a workload could
    /// not use them.
    public var minimumValiditySeconds: Double
    /// Send the certificate-derived session tags; S3-compatible stores that reject `Tags` can
    /// turn this off (the audit notes say so per request).
    public var sendsSessionTags: Bool
    /// Send `SourceIdentity`; same reason as ``sendsSessionTags``.
    public var sendsSourceIdentity: Bool

    public init(endpoint: UpstreamEndpoint, identity: UpstreamCredentialChain, roleMapping: UpstreamRoleMapping = UpstreamRoleMapping(),
                retry: UpstreamRetryPolicy = .standard, minimumValiditySeconds: Double = 60, sendsSessionTags: Bool = true,
                sendsSourceIdentity: Bool = true) {
        self.endpoint = endpoint
        self.identity = identity
        self.roleMapping = roleMapping
        self.retry = retry
        self.minimumValiditySeconds = minimumValiditySeconds
        self.sendsSessionTags = sendsSessionTags
        self.sendsSourceIdentity = sendsSourceIdentity
    }
}
