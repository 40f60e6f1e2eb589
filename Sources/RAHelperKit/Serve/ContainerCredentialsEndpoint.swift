import RAHTTP

/// An ECS-style container credentials endpoint (`AWS_CONTAINER_CREDENTIALS_FULL_URI` plus
/// `AWS_CONTAINER_AUTHORIZATION_TOKEN`), which users asked for because a bearer token that only
/// chosen processes hold is a stronger gate than IMDSv2's token, which any local process can get.
struct ContainerCredentialsEndpoint: Sendable {
    /// The request path, e.g. `/creds`.
    let path: String
    /// The value the SDKs send verbatim in `Authorization`.
    let authorizationToken: String
    let source: any CredentialSource
    let logger: HelperLogger

    func respond(to request: HTTPRequest) -> HTTPResponse {
        guard request.method == "GET" else {
            return HTTPResponse(status: 405, headers: [("Allow", "GET")])
        }
        guard let presented = request.header("Authorization"), !presented.isEmpty else {
            return Self.json(401, ContainerCredentialsDocument.error(
                code: "AccessDenied", message: "the Authorization header with the container authorization token is missing"))
        }
        guard Self.constantTimeEqual(Array(presented.utf8), Array(authorizationToken.utf8)) else {
            logger.debug("Refused a container credentials request: wrong authorization token")
            return Self.json(403, ContainerCredentialsDocument.error(
                code: "AccessDenied", message: "the Authorization header does not hold the container authorization token"))
        }
        do {
            let snapshot = try source.cachedSnapshot()
            return Self.json(200, ContainerCredentialsDocument(credentials: snapshot.credentials).bytes)
        } catch {
            logger.debug("Answered 500 to a container credentials request: \(error.message)")
            return Self.json(500, ContainerCredentialsDocument.error(
                code: "CredentialsUnavailable", message: "no valid credentials available"))
        }
    }

    static func json(_ status: Int, _ body: [UInt8]) -> HTTPResponse {
        HTTPResponse(status: status, headers: [("Content-Type", "application/json")], body: body)
    }

    /// Compares without stopping at the first difference, so response timing does not reveal how
    /// much of a guessed token was right.
    static func constantTimeEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        var difference = UInt8(truncatingIfNeeded: lhs.count ^ rhs.count)
        for index in 0..<max(lhs.count, rhs.count) {
            let left = index < lhs.count ? lhs[index] : 0
            let right = index < rhs.count ? rhs[index] : 0
            difference |= left ^ right
        }
        return difference == 0 && lhs.count == rhs.count
    }
}
