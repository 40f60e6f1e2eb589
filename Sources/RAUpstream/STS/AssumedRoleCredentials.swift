import Foundation
import RAWire

/// What `AssumeRole` and `AssumeRoleWithWebIdentity` return, checked before anyone can use it.
///
/// The checks are the point: an upstream answering 200 with a field missing or an expiry in the
/// past must become an error, never credentials that fail at the workload. `description` redacts
/// the secret and token.
public struct AssumedRoleCredentials: Sendable, Equatable, CustomStringConvertible {
    public var keys: HMACCredentials
    public var expiration: Date
    /// `AssumedRoleUser/Arn`, e.g. `arn:aws:sts::111122223333:assumed-role/app/session`.
    public var assumedRoleArn: String?
    /// `AssumedRoleUser/AssumedRoleId`, `ROLEID:session`.
    public var assumedRoleId: String?
    /// Percentage of STS's packed limit used by session policies and tags.
    public var packedPolicySize: Int?
    public var sourceIdentity: String?
    public var requestId: String?
    /// Attempts the call took.
    public var attempts: Int

    public init(keys: HMACCredentials, expiration: Date, assumedRoleArn: String? = nil, assumedRoleId: String? = nil,
                packedPolicySize: Int? = nil, sourceIdentity: String? = nil, requestId: String? = nil, attempts: Int = 1) {
        self.keys = keys
        self.expiration = expiration
        self.assumedRoleArn = assumedRoleArn
        self.assumedRoleId = assumedRoleId
        self.packedPolicySize = packedPolicySize
        self.sourceIdentity = sourceIdentity
        self.requestId = requestId
        self.attempts = attempts
    }

    public var description: String {
        "AssumedRoleCredentials(\(keys), expiration: \(RFC3339.format(expiration)), assumedRoleArn: \(assumedRoleArn ?? "-"))"
    }

    /// Reads `<action>Result` from `response`.
    /// - Parameters:
    ///   - minimumValidity: credentials expiring sooner than `now` plus this are refused.
    /// - Throws: a `malformedResponse` ``UpstreamCallError`` naming what is wrong (never a value).
    public init(response: QueryResponse, action: String, service: String = "STS", now: Date,
                minimumValidity: TimeInterval) throws(UpstreamCallError) {
        func malformed(_ detail: String) -> UpstreamCallError {
            UpstreamCallError(kind: .malformedResponse, service: service, action: action, httpStatus: 200,
                              requestId: response.requestId, attempts: response.attempts, detail: detail)
        }
        guard let result = response.result(of: action) else {
            throw malformed("the response has no \(action)Result element (root is <\(response.root.name)>)")
        }
        guard let credentials = result.child("Credentials") else { throw malformed("the response has no Credentials") }
        var missing: [String] = []
        func field(_ name: String) -> String {
            let value = credentials.child(name)?.value ?? ""
            if value.isEmpty { missing.append(name) }
            return value
        }
        let accessKey = field("AccessKeyId")
        let secret = field("SecretAccessKey")
        let token = field("SessionToken")
        let expirationText = field("Expiration")
        guard missing.isEmpty else {
            throw malformed("the credentials lack \(missing.joined(separator: ", "))")
        }
        let expiration: Date
        do { expiration = try RFC3339.parse(expirationText) } catch {
            throw malformed("the credentials' Expiration \"\(expirationText.prefix(40))\" is not an RFC 3339 time")
        }
        guard expiration.timeIntervalSince(now) >= minimumValidity else {
            throw malformed("the credentials expire at \(RFC3339.format(expiration)), less than \(Int(minimumValidity)) s "
                + "after now (\(RFC3339.format(now))); check the clocks of both hosts")
        }
        let user = result.child("AssumedRoleUser")
        self.init(keys: HMACCredentials(accessKeyID: accessKey, secretAccessKey: secret, sessionToken: token),
                  expiration: expiration, assumedRoleArn: user?.child("Arn")?.value,
                  assumedRoleId: user?.child("AssumedRoleId")?.value,
                  packedPolicySize: result.child("PackedPolicySize").flatMap { Int($0.value) },
                  sourceIdentity: result.child("SourceIdentity")?.value, requestId: response.requestId,
                  attempts: response.attempts)
    }
}
