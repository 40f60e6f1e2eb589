import Foundation
import RAHTTPClient
import RAWire

/// The instance role's credentials from the EC2 instance metadata service, IMDSv2 only.
///
/// Three requests: `PUT /latest/api/token` for a session token, then the role name from
/// `/latest/meta-data/iam/security-credentials/`, then that role's credentials JSON. IMDSv1
/// (no token) is deliberately not attempted: it is the variant SSRF attacks abuse. Timeouts are
/// short because off EC2 nothing answers at the link-local address.
public struct InstanceMetadataSource: Sendable {
    public static let defaultEndpoint = "http://169.254.169.254"

    /// `http://169.254.169.254`, `http://[fd00:ec2::254]`, or a test server.
    public var endpoint: String
    /// Requested lifetime of the IMDSv2 session token.
    public var tokenTTLSeconds: Int
    public var timeoutSeconds: Int
    public var retry: UpstreamRetryPolicy

    public init(endpoint: String = InstanceMetadataSource.defaultEndpoint, tokenTTLSeconds: Int = 21_600,
                timeoutSeconds: Int = 1, retry: UpstreamRetryPolicy = UpstreamRetryPolicy(maxAttempts: 2, deadlineSeconds: 5)) {
        self.endpoint = endpoint
        self.tokenTTLSeconds = tokenTTLSeconds
        self.timeoutSeconds = timeoutSeconds
        self.retry = retry
    }

    private static let name = "IMDS"

    public func resolve(now: Date) throws(UpstreamCredentialError) -> CredentialResolution {
        let base = endpoint.hasSuffix("/") ? String(endpoint.dropLast()) : endpoint
        let token = try fetch("PUT", base + "/latest/api/token", [("X-aws-ec2-metadata-token-ttl-seconds", String(tokenTTLSeconds))],
                              step: "session token")
        let tokenHeader = [(name: "X-aws-ec2-metadata-token", value: String(decoding: token, as: UTF8.self))]
        let listing = try fetch("GET", base + "/latest/meta-data/iam/security-credentials/", tokenHeader, step: "role name")
        guard let role = String(decoding: listing, as: UTF8.self).split(whereSeparator: \.isNewline)
            .map({ $0.trimmingXMLWhitespace() }).first(where: { !$0.isEmpty }) else {
            throw UpstreamCredentialError(source: Self.name, message: "no IAM role is attached to this instance")
        }
        let document = try fetch("GET", base + "/latest/meta-data/iam/security-credentials/" + role, tokenHeader,
                                 step: "credentials of role \(role)")
        return .found(try Self.parse(document, role: role, now: now))
    }

    /// `{"Code": "Success", "AccessKeyId": …, "SecretAccessKey": …, "Token": …, "Expiration": …}`.
    static func parse(_ document: [UInt8], role: String, now: Date) throws(UpstreamCredentialError) -> UpstreamCredentials {
        struct Document: Decodable {
            var code: String?
            var accessKeyId: String?
            var secretAccessKey: String?
            var token: String?
            var expiration: String?

            enum CodingKeys: String, CodingKey {
                case code = "Code", accessKeyId = "AccessKeyId", secretAccessKey = "SecretAccessKey", token = "Token"
                case expiration = "Expiration"
            }
        }
        let source = "IMDS role \(role)"
        let decoded: Document
        do { decoded = try JSONDecoder().decode(Document.self, from: Data(document)) } catch {
            throw UpstreamCredentialError(source: source, message: "the credentials document is not the expected JSON")
        }
        guard decoded.code == nil || decoded.code == "Success" else {
            throw UpstreamCredentialError(source: source, message: "IMDS reports Code \(decoded.code ?? "")")
        }
        guard let accessKey = decoded.accessKeyId, !accessKey.isEmpty, let secret = decoded.secretAccessKey, !secret.isEmpty,
              let token = decoded.token, !token.isEmpty, let expirationText = decoded.expiration else {
            throw UpstreamCredentialError(source: source, message: "the credentials document lacks a key, secret, token or expiration")
        }
        let expiration: Date
        do { expiration = try RFC3339.parse(expirationText) } catch {
            throw UpstreamCredentialError(source: source, message: "the Expiration is not an RFC 3339 time")
        }
        guard expiration > now else {
            throw UpstreamCredentialError(source: source, message: "the credentials expired at \(RFC3339.format(expiration))")
        }
        return UpstreamCredentials(keys: HMACCredentials(accessKeyID: accessKey, secretAccessKey: secret, sessionToken: token),
                                   expiration: expiration, source: source)
    }

    private func fetch(_ method: String, _ url: String, _ headers: [(name: String, value: String)],
                       step: String) throws(UpstreamCredentialError) -> [UInt8] {
        let transport = UpstreamTransport(requestTimeoutSeconds: timeoutSeconds, connectTimeoutSeconds: timeoutSeconds,
                                          useEnvironmentProxy: false)
        let sender = RetryingSender(transport: transport, retry: retry, service: Self.name, action: step, forbidsProxy: true)
        do {
            return try sender.send({ (_: Int) throws(UpstreamCallError) -> HTTPClient.Request in
                HTTPClient.Request(method: method, url: url, headers: headers)
            }, interpret: { response, attempt in
                if response.status == 200 { return .success(response.body) }
                let kind: UpstreamCallError.Kind = response.status >= 500 ? .unavailable
                    : response.status == 429 ? .throttled : .rejected
                return .failure(UpstreamCallError(kind: kind, service: Self.name, action: step, httpStatus: response.status,
                                                  attempts: attempt, detail: Self.explain(response.status)))
            })
        } catch {
            throw UpstreamCredentialError(source: Self.name, message: error.description)
        }
    }

    private static func explain(_ status: Int) -> String {
        switch status {
        case 401: "IMDS refused the session token"
        case 403: "IMDS is disabled or refuses this request"
        case 404: "not found (is an IAM role attached to the instance?)"
        default: "IMDS answered HTTP \(status)"
        }
    }
}
