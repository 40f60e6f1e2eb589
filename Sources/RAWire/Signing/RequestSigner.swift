import Foundation
import RACrypto

/// Client-side SigV4 for both families: the helper signs CreateSession with it (X.509), and tools
/// and tests sign control-plane, STS and IAM calls with it (HMAC).
///
/// Signed headers follow the peers this must match:
/// - X.509: every header present at signing time except `Authorization`, `User-Agent` and
///   `X-Amzn-Trace-Id` (the official helper's rule). Transport headers such as `Content-Length`
///   or `Accept-Encoding` should therefore be added after signing, as Go's HTTP client does.
/// - HMAC: `host`, `x-amz-date`, `x-amz-security-token`, `content-type` and any other `x-amz-*`.
public struct RequestSigner: Sendable {
    public var credentials: SigningCredentials
    public var region: String
    /// Signing name: `rolesanywhere`, `sts`, `iam`.
    public var service: String

    public init(credentials: SigningCredentials, region: String, service: String) {
        self.credentials = credentials
        self.region = region
        self.service = service
    }

    private static let x509Unsigned: Set<String> = ["authorization", "user-agent", "x-amzn-trace-id"]
    private static let hmacSigned: Set<String> = ["host", "x-amz-date", "x-amz-security-token", "content-type"]

    /// Signs `request` as of `date`.
    /// - Parameters:
    ///   - request: the request as it will be sent; `path` is the path to sign (see `CanonicalURI`).
    ///   - host: authority used when the request has no `Host` field (include a non-default port).
    ///   - date: signing time; tests pin it.
    /// - Throws: a `WireError` when the request cannot be canonicalised, or whatever the X.509
    ///   `sign` closure throws.
    public func sign(_ request: SignableRequest, host: String, date: Date) throws -> SignedRequest {
        let amzDate = AmzDate.format(date)
        let scope = CredentialScope(date: date, region: region, service: service)
        var added: [(name: String, value: String)] = []
        if request.header("Host") == nil { added.append(("Host", host)) }
        added.append((AmzHeader.date, amzDate))
        if case .hmac(let keys) = credentials, let token = keys.sessionToken {
            added.append((AmzHeader.securityToken, token))
        }
        let replaced = Set(added.map { $0.name.lowercased() } + ["authorization"])
        var working = request
        working.headers = request.headers.filter { !replaced.contains($0.name.lowercased()) } + added

        let canonical = try CanonicalRequest(request: working, signedHeaders: signedHeaderNames(in: working.headers))
        let (algorithm, credentialID) = identity
        let stringToSign = StringToSign(algorithm: algorithm, amzDate: amzDate, scope: scope,
                                        canonicalRequest: canonical)
        let signature: String
        switch credentials {
        case .hmac(let keys):
            let key = SigV4.signingKey(secretAccessKey: keys.secretAccessKey, scope: scope)
            signature = SigV4.hmacSignature(of: stringToSign, signingKey: key)
        case .x509(let identity):
            signature = Hex.encode(try identity.sign(stringToSign.bytes))
        }
        let authorization = AuthorizationHeader(algorithm: algorithm, credentialID: credentialID, scope: scope,
                                                signedHeaders: canonical.signedHeaders, signature: signature)
        added.append((AmzHeader.authorization, authorization.formatted))
        return SignedRequest(headersToAdd: added, stringToSign: stringToSign, authorization: authorization)
    }

    private var identity: (SigV4Algorithm, String) {
        switch credentials {
        case .hmac(let keys): (.hmacSHA256, keys.accessKeyID)
        case .x509(let identity): (identity.algorithm, identity.serialNumber)
        }
    }

    /// Lower-case, de-duplicated, sorted names of the headers this family signs.
    private func signedHeaderNames(in headers: [(name: String, value: String)]) -> [String] {
        let names = Set(headers.map { $0.name.lowercased() })
        let chosen = names.filter { name in
            switch credentials {
            case .hmac: RequestSigner.hmacSigned.contains(name) || name.hasPrefix("x-amz-")
            case .x509: !RequestSigner.x509Unsigned.contains(name)
            }
        }
        return chosen.sorted()
    }
}
