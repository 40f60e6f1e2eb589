import Foundation
import RACore
import RAWire

/// One place the server may find its own upstream identity; a chain lists them in order.
public enum UpstreamCredentialSource: Sendable {
    /// Keys given directly (tests, or a secret store the executable read itself).
    case fixed(HMACCredentials)
    case environment(EnvironmentCredentialSource)
    case sharedProfile(SharedProfileSource)
    case instanceMetadata(InstanceMetadataSource)
    case webIdentity(WebIdentitySource)

    /// Asks this source; see ``CredentialResolution`` for found, absent and thrown.
    public func resolve(clock: any Clock) throws(UpstreamCredentialError) -> CredentialResolution {
        switch self {
        case .fixed(let keys):
            return .found(UpstreamCredentials(keys: keys, expiration: nil, source: "configured keys"))
        case .environment(let source):
            return try source.resolve(now: clock.now())
        case .sharedProfile(let source):
            return try source.resolve(now: clock.now())
        case .instanceMetadata(let source):
            return try source.resolve(now: clock.now())
        case .webIdentity(let source):
            return try source.resolve(clock: clock)
        }
    }
}
