import RAWire

/// How `serve` listens and what it serves, as plain values the executable fills from flags.
public struct CredentialServerOptions: Sendable, Equatable {
    /// `--port` default, as in the official helper.
    public static let defaultPort = 9911
    /// `--hop-limit` default, as in the official helper; 1 makes the endpoint unreachable from
    /// other hosts, as IMDS is on EC2.
    public static let defaultHopLimit = 64

    /// An IPv4 or IPv6 literal (brackets allowed); loopback unless ``allowNonLoopback``.
    public var listenAddress: String
    /// 0 lets the kernel pick a free port.
    public var port: Int
    public var hopLimit: Int
    /// Lets the server listen on an address other hosts can reach.
    public var allowNonLoopback: Bool
    /// The role whose name the IMDS paths carry (the last `/` segment of its ARN's resource).
    public var roleArn: String
    /// Also serve the ECS-style endpoint when set.
    public var container: ContainerEndpointOptions?

    public init(listenAddress: String = "127.0.0.1", port: Int = CredentialServerOptions.defaultPort,
                hopLimit: Int = CredentialServerOptions.defaultHopLimit, allowNonLoopback: Bool = false,
                roleArn: String, container: ContainerEndpointOptions? = nil) {
        self.listenAddress = listenAddress
        self.port = port
        self.hopLimit = hopLimit
        self.allowNonLoopback = allowNonLoopback
        self.roleArn = roleArn
        self.container = container
    }

    /// The role name the official helper derives: ARN parsed, resource split on `/`, last part.
    /// - Throws: `invalid role ARN`, the official text, also for an empty name.
    public static func roleName(fromArn roleArn: String) throws(HelperError) -> String {
        guard let arn = try? ARN(parsing: roleArn),
              let name = arn.resource.split(separator: "/", omittingEmptySubsequences: false).last,
              !name.isEmpty else {
            throw HelperError(.configuration, "invalid role ARN")
        }
        return String(name)
    }
}

/// The ECS-style endpoint's settings.
public struct ContainerEndpointOptions: Sendable, Equatable {
    public static let defaultPath = "/creds"

    /// Where the endpoint answers, e.g. `/creds`.
    public var path: String
    /// What clients must send in `Authorization` (`AWS_CONTAINER_AUTHORIZATION_TOKEN`).
    public var authorizationToken: String

    public init(path: String = ContainerEndpointOptions.defaultPath, authorizationToken: String) {
        self.path = path
        self.authorizationToken = authorizationToken
    }
}
