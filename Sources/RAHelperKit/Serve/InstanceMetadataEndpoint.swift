import Foundation
import RAHTTP

/// The IMDSv2 subset `serve` emulates, with the official helper's routes, status codes, texts and
/// headers, so SDKs pointed at it with `AWS_EC2_METADATA_SERVICE_ENDPOINT` behave as on EC2.
///
/// Routes follow Go's `ServeMux` as the official helper registers them: the bare and the
/// trailing-slash form of each path, the latter also matching anything below it.
struct InstanceMetadataEndpoint: Sendable {
    static let tokenPath = "/latest/api/token"
    static let credentialsPath = "/latest/meta-data/iam/security-credentials"
    static let tokenHeader = "X-Aws-Ec2-Metadata-Token"
    /// Canonical spelling, as Go's `Header.Set` writes it.
    static let ttlHeader = "X-Aws-Ec2-Metadata-Token-Ttl-Seconds"
    static let defaultTTL = "21600"
    static let maximumTTL = 21_600
    static let plainText = "text/plain; charset=utf-8"

    enum Route: Equatable {
        case token
        case roleName
        case credentials
    }

    let roleName: String
    let tokens: MetadataTokenStore
    let source: any CredentialSource
    let clock: @Sendable () -> Date
    /// The local zone's UTC offset at a date, for `LastUpdated`.
    let localOffset: @Sendable (Date) -> Int
    let logger: HelperLogger

    /// Which handler a decoded path belongs to, or nil for a 404.
    static func route(_ path: String, roleName: String) -> Route? {
        if path == tokenPath || path.hasPrefix(tokenPath + "/") { return .token }
        let role = credentialsPath + "/" + roleName
        if path == role || path.hasPrefix(role + "/") { return .credentials }
        if path == credentialsPath || path.hasPrefix(credentialsPath + "/") { return .roleName }
        return nil
    }

    func respond(to request: HTTPRequest, route: Route) -> HTTPResponse {
        switch route {
        case .token: issueToken(request)
        case .roleName: roleNameResponse(request)
        case .credentials: credentialsResponse(request)
        }
    }

    /// `PUT /latest/api/token`.
    private func issueToken(_ request: HTTPRequest) -> HTTPResponse {
        guard request.method == "PUT" else { return HTTPResponse(status: 405) }
        if let forwarded = request.header("X-Forwarded-For"), !forwarded.isEmpty {
            return Self.text(400, "unable to process requests with X-Forwarded-For header")
        }
        var ttlText = request.header(Self.ttlHeader) ?? ""
        if ttlText.isEmpty { ttlText = Self.defaultTTL }
        guard let ttl = Int(ttlText), (1...Self.maximumTTL).contains(ttl) else {
            return Self.text(400, "invalid token TTL")
        }
        let (token, evicted) = tokens.issue(ttl: ttl, now: clock())
        if evicted {
            logger.debug("Evicted the earliest-expiring token: \(MetadataTokenStore.capacity) tokens were live")
        }
        return Self.text(200, token, headers: [(Self.ttlHeader, ttlText)])
    }

    /// `GET /latest/meta-data/iam/security-credentials/`: the role name.
    private func roleNameResponse(_ request: HTTPRequest) -> HTTPResponse {
        guard request.method == "GET" else { return HTTPResponse(status: 405) }
        switch checkToken(request) {
        case .failure(let refusal):
            return refusal.response
        case .success(let remaining):
            return Self.text(200, roleName, headers: [(Self.ttlHeader, String(remaining))])
        }
    }

    /// `GET /latest/meta-data/iam/security-credentials/<role>`: the credentials document, or 500
    /// when no valid credentials are cached (never an empty or expired set).
    private func credentialsResponse(_ request: HTTPRequest) -> HTTPResponse {
        guard request.method == "GET" else { return HTTPResponse(status: 405) }
        let remaining: Int
        switch checkToken(request) {
        case .failure(let refusal): return refusal.response
        case .success(let seconds): remaining = seconds
        }
        let snapshot: CredentialSnapshot
        do {
            snapshot = try source.cachedSnapshot()
        } catch {
            logger.debug("Answered 500 to a credentials request: \(error.message)")
            return Self.text(500, "no valid credentials available")
        }
        let document = InstanceMetadataDocument(snapshot: snapshot, localOffsetSeconds: localOffset(snapshot.obtainedAt))
        return HTTPResponse(status: 200, headers: [("Content-Type", Self.plainText), (Self.ttlHeader, String(remaining))],
                            body: document.bytes)
    }

    /// The session token's remaining seconds, or the 401 the official helper answers.
    private func checkToken(_ request: HTTPRequest) -> Result<Int, RefusedRequest> {
        let token = request.header(Self.tokenHeader) ?? ""
        guard !token.isEmpty else { return .failure(RefusedRequest(Self.text(401, "no token provided"))) }
        guard let remaining = tokens.remainingSeconds(of: token, now: clock()) else {
            return .failure(RefusedRequest(Self.text(401, "invalid token provided")))
        }
        return .success(remaining)
    }

    /// A body as Go's `io.WriteString` sends it: content type sniffed as UTF-8 text.
    static func text(_ status: Int, _ body: String, headers: [(name: String, value: String)] = []) -> HTTPResponse {
        HTTPResponse(status: status, headers: [("Content-Type", plainText)] + headers, body: Array(body.utf8))
    }
}

/// A response that ends the request early, wrapped so it can travel in a `Result`.
struct RefusedRequest: Error {
    let response: HTTPResponse

    init(_ response: HTTPResponse) { self.response = response }
}
