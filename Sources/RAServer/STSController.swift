import Foundation
import RACore
import RAHTTP
import RAWire

/// The STS query API on `/`: honours the credentials CreateSession issued. Every call is audited.
struct STSController: Sendable {
    /// The only STS API version there is; requests must name it.
    static let version = "2011-06-15"

    let authenticator: CallerAuthenticator
    let store: any Store
    let configuration: ServiceConfiguration
    let clock: any Clock

    func handle(_ request: HTTPRequest, requestId: String) -> (String, HTTPResponse) {
        let query = (try? FormParameters(parsing: request.rawQuery))?.pairs ?? []
        let form = request.method == "POST" ? ((try? FormParameters(parsing: request.body))?.pairs ?? []) : []
        let action = (query + form).first { $0.name == "Action" }?.value ?? ""
        let version = (query + form).first { $0.name == "Version" }?.value
        let now = clock.now()
        var audit = AuditRecord(eventId: Identifiers.uuid(), eventTime: now, eventSource: "sts.amazonaws.com",
                                eventName: action.isEmpty ? "Unknown" : action, awsRegion: configuration.region,
                                sourceIPAddress: request.remoteAddress, userAgent: request.header("User-Agent") ?? "",
                                requestId: requestId)
        let result = answer(action: action, version: version, request: request, now: now, audit: &audit, requestId: requestId)
        if let error = result.error {
            audit.errorCode = error.code
            audit.errorMessage = error.message
        }
        do { try store.appendAudit([audit]) } catch {
            return (audit.eventName, Self.xml(WireError.internalFailure("The request could not be recorded; try again."), requestId))
        }
        return (audit.eventName, result.response)
    }

    func answer(action: String, version: String?, request: HTTPRequest, now: Date, audit: inout AuditRecord,
                requestId: String) -> (response: HTTPResponse, error: WireError?) {
        let call = SignedCall(method: request.method, rawPath: request.path, rawQuery: request.rawQuery,
                              headers: request.headers, body: request.body)
        let claims: SessionClaims
        switch authenticator.authenticate(call, services: ["sts"], now: now) {
        case .failure(let failure):
            audit.denialReason = failure.reason
            let error = WireError(status: failure.httpStatus, code: failure.code.rawValue, message: failure.message)
            return (Self.xml(error, requestId), error)
        case .success(let c): claims = c
        }
        audit.principal = claims.assumedRoleArn
        audit.requestParameters = ["accessKeyId": claims.accessKeyId]
        if !action.isEmpty, version != Self.version {
            // STS knows operations per API version; any other version has none.
            let error = WireError(status: 400, code: "InvalidAction",
                                  message: "Could not find operation \(action) for version \(version ?? "NO_VERSION_SPECIFIED")")
            return (Self.xml(error, requestId), error)
        }
        switch action {
        case "GetCallerIdentity":
            let body = GetCallerIdentityResponse(arn: claims.assumedRoleArn, userId: "\(claims.roleId):\(claims.sessionName)",
                                                 account: claims.accountId, requestID: requestId).xml
            return (HTTPResponse(status: 200, contentType: "text/xml", body: body), nil)
        case "":
            let error = WireError(status: 400, code: "MissingAction", message: "Missing Action")
            return (Self.xml(error, requestId), error)
        default:
            let error = WireError(status: 400, code: "InvalidAction", message: "Could not find operation \(action) for version \(Self.version)")
            return (Self.xml(error, requestId), error)
        }
    }

    static func xml(_ error: WireError, _ requestId: String) -> HTTPResponse {
        let rendered = error.renderedAsXML(namespace: .sts, requestID: requestId)
        return HTTPResponse(status: rendered.status, headers: rendered.headers, body: rendered.body)
    }
}
