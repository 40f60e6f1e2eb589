/// The parameters of STS `AssumeRoleWithWebIdentity`, which AWS defines as an unsigned call: the
/// token is the proof of identity, so the caller needs no AWS credentials at all.
///
/// `description` redacts the token, so the request can be logged.
public struct AssumeRoleWithWebIdentityRequest: Sendable, Equatable, CustomStringConvertible {
    public var roleArn: String
    public var roleSessionName: String
    /// The OIDC ID token (a JWT) whose issuer the role's trust policy names.
    public var webIdentityToken: String
    public var durationSeconds: Int?

    public init(roleArn: String, roleSessionName: String, webIdentityToken: String, durationSeconds: Int? = nil) {
        self.roleArn = roleArn
        self.roleSessionName = roleSessionName
        self.webIdentityToken = webIdentityToken
        self.durationSeconds = durationSeconds
    }

    public var parameters: [(name: String, value: String)] {
        var pairs: [(name: String, value: String)] = [("RoleArn", roleArn), ("RoleSessionName", roleSessionName),
                                                      ("WebIdentityToken", webIdentityToken)]
        if let durationSeconds { pairs.append(("DurationSeconds", String(durationSeconds))) }
        return pairs
    }

    public var description: String {
        "AssumeRoleWithWebIdentityRequest(roleArn: \(roleArn), roleSessionName: \(roleSessionName), webIdentityToken: <redacted>"
            + (durationSeconds.map { ", durationSeconds: \($0))" } ?? ")")
    }
}
