import Foundation
import RACore

/// Credentials from `AssumeRoleWithWebIdentity`: the server presents an OIDC token and needs no
/// AWS key at all, which is the point of a Roles Anywhere broker.
///
/// The token comes from a closure, so it can be minted on demand (the server's own OIDC issuer
/// signs a short-lived JWT) or read from a file a platform rotates (``tokenFile(_:)``). The
/// closure is called once per resolution; errors it throws must not contain the token.
public struct WebIdentitySource: Sendable {
    public var roleArn: String
    public var sessionName: String
    /// Nil lets STS choose (one hour).
    public var durationSeconds: Int?
    public var endpoint: UpstreamEndpoint
    public var retry: UpstreamRetryPolicy
    public var token: @Sendable () throws -> String

    public init(roleArn: String, sessionName: String = "rolesanywhere-server", durationSeconds: Int? = nil,
                endpoint: UpstreamEndpoint, retry: UpstreamRetryPolicy = .standard, token: @escaping @Sendable () throws -> String) {
        self.roleArn = roleArn
        self.sessionName = sessionName
        self.durationSeconds = durationSeconds
        self.endpoint = endpoint
        self.retry = retry
        self.token = token
    }

    /// A token read afresh from `path` on every resolution (`AWS_WEB_IDENTITY_TOKEN_FILE`).
    public static func tokenFile(_ path: String) -> @Sendable () throws -> String {
        {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw UpstreamCredentialError(source: "web identity", message: "cannot read the token file \(path)")
            }
            return String(decoding: data, as: UTF8.self).trimmingXMLWhitespace()
        }
    }

    private var name: String { "web identity \(roleArn)" }

    public func resolve(clock: any Clock) throws(UpstreamCredentialError) -> CredentialResolution {
        let jwt: String
        do { jwt = try token() } catch let error as UpstreamCredentialError {
            throw error
        } catch {
            throw UpstreamCredentialError(source: name, message: "the web identity token could not be obtained: \(error)")
        }
        guard !jwt.isEmpty else { throw UpstreamCredentialError(source: name, message: "the web identity token is empty") }
        let client = QueryProtocolClient.sts(endpoint, retry: retry, clock: clock)
        let request = AssumeRoleWithWebIdentityRequest(roleArn: roleArn, roleSessionName: sessionName, webIdentityToken: jwt,
                                                       durationSeconds: durationSeconds)
        do {
            let assumed = try client.assumeRoleWithWebIdentity(request)
            return .found(UpstreamCredentials(keys: assumed.keys, expiration: assumed.expiration, source: name))
        } catch {
            throw UpstreamCredentialError(source: name, message: error.description)
        }
    }
}
