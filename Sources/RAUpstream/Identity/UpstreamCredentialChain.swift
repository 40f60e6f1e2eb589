import Foundation
import RACore

/// The ordered sources of the server's upstream identity, as a plain value for the configuration.
///
/// Resolution stops at the first source that has credentials, and also at the first that is
/// configured but broken (it throws), so a typo never silently selects another identity.
public struct UpstreamCredentialChain: Sendable {
    public var sources: [UpstreamCredentialSource]

    public init(_ sources: [UpstreamCredentialSource]) {
        self.sources = sources
    }

    /// The AWS SDKs' default order, configured from an environment map the executable passes in:
    /// environment keys; `AWS_WEB_IDENTITY_TOKEN_FILE` with `AWS_ROLE_ARN` (and optional
    /// `AWS_ROLE_SESSION_NAME`) against `stsEndpoint`; the shared files' profile; then IMDSv2,
    /// unless `AWS_EC2_METADATA_DISABLED=true` (`AWS_EC2_METADATA_SERVICE_ENDPOINT` moves it).
    public static func standard(environment: [String: String], stsEndpoint: UpstreamEndpoint) -> UpstreamCredentialChain {
        var sources: [UpstreamCredentialSource] = [.environment(EnvironmentCredentialSource(environment: environment))]
        if let tokenFile = environment["AWS_WEB_IDENTITY_TOKEN_FILE"], !tokenFile.isEmpty,
           let roleArn = environment["AWS_ROLE_ARN"], !roleArn.isEmpty {
            let sessionName = environment["AWS_ROLE_SESSION_NAME"].flatMap { $0.isEmpty ? nil : $0 } ?? "rolesanywhere-server"
            sources.append(.webIdentity(WebIdentitySource(roleArn: roleArn, sessionName: sessionName, endpoint: stsEndpoint,
                                                          token: WebIdentitySource.tokenFile(tokenFile))))
        }
        sources.append(.sharedProfile(SharedProfileSource(environment: environment)))
        if environment["AWS_EC2_METADATA_DISABLED"]?.lowercased() != "true" {
            let endpoint = environment["AWS_EC2_METADATA_SERVICE_ENDPOINT"].flatMap { $0.isEmpty ? nil : $0 }
            sources.append(.instanceMetadata(InstanceMetadataSource(endpoint: endpoint ?? InstanceMetadataSource.defaultEndpoint)))
        }
        return UpstreamCredentialChain(sources)
    }

    /// The first source's credentials.
    /// - Throws: the first configured-but-broken source's error, or, when no source has
    ///   credentials, an error listing why each was skipped.
    public func resolve(clock: any Clock) throws(UpstreamCredentialError) -> UpstreamCredentials {
        var skipped: [String] = []
        for source in sources {
            switch try source.resolve(clock: clock) {
            case .found(let credentials): return credentials
            case .absent(let why): skipped.append(why)
            }
        }
        throw UpstreamCredentialError(source: "credential chain", message: "no source has credentials"
            + (skipped.isEmpty ? " (the chain is empty)" : ": " + skipped.joined(separator: "; ")))
    }
}
