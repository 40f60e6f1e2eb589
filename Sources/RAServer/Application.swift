import Foundation
import RACore
import RAHTTP
import RAWire

/// The server's application: routes each request to its controller and renders domain failures in
/// AWS's wire shapes. It names no concrete store or transport; the executable passes them in.
public final class Application: Responder {
    let sessions: CreateSessionController
    let sts: STSController
    let log: any RequestLog
    let store: any Store
    let configuration: ServiceConfiguration
    let clock: any Clock

    public init(configuration: ServiceConfiguration, store: any Store, codec: SessionTokenCodec,
                issuer: any CredentialIssuer, clock: any Clock = SystemClock(), log: any RequestLog = SilentRequestLog()) {
        let cache = TrustStateCache(store: store)
        self.sessions = CreateSessionController(
            service: CreateSessionService(configuration: configuration, store: store, cache: cache, issuer: issuer, clock: clock))
        self.sts = STSController(authenticator: CallerAuthenticator(codec: codec, configuration: configuration),
                                 store: store, configuration: configuration, clock: clock)
        self.log = log
        self.store = store
        self.configuration = configuration
        self.clock = clock
    }

    public func respond(to request: HTTPRequest) -> HTTPResponse {
        let requestId = Identifiers.uuid()
        let started = DispatchTime.now().uptimeNanoseconds
        let (operation, response) = route(request, requestId: requestId)
        let millis = Double(DispatchTime.now().uptimeNanoseconds - started) / 1_000_000
        log.record([("requestId", requestId), ("operation", operation), ("method", request.method), ("path", request.path),
                    ("status", String(response.status)), ("remote", request.remoteAddress),
                    ("ms", String(format: "%.2f", millis))])
        var headers = response.headers
        if !headers.contains(where: { $0.name.lowercased() == "x-amzn-requestid" }) { headers.append(("x-amzn-RequestId", requestId)) }
        return HTTPResponse(status: response.status, headers: headers, body: response.body)
    }

    func route(_ request: HTTPRequest, requestId: String) -> (String, HTTPResponse) {
        switch (request.method, request.path) {
        case ("POST", "/sessions"), ("POST", "/sessions/"):
            return ("CreateSession", sessions.handle(request, requestId: requestId))
        case (_, "/") where request.method == "POST" || request.method == "GET":
            return sts.handle(request, requestId: requestId)
        case ("GET", "/ping"), ("GET", "/healthz"):
            return ("Health", HTTPResponse(status: 200, contentType: "text/plain", body: "ok\n"))
        case (_, "/sessions"):
            let error = WireError(status: 405, code: "MethodNotAllowedException",
                                  message: "\(request.method) is not allowed on /sessions; use POST")
            return ("CreateSession", refuse(request, error, eventName: "CreateSession", requestId: requestId,
                                            reason: "method \(request.method) on /sessions; only POST is served"))
        default:
            let error = WireError(status: 404, code: "UnknownOperationException",
                                  message: "No operation matches \(request.method) \(request.path)")
            return ("Unknown", refuse(request, error, eventName: "Unknown", requestId: requestId,
                                      reason: "no operation matches \(request.method) \(request.path)"))
        }
    }

    /// Answers a request no controller takes, after recording it: probes of unknown paths belong
    /// in the audit trail as much as refused sessions. If the record cannot be written the
    /// request fails, as every other audited request does.
    func refuse(_ request: HTTPRequest, _ error: WireError, eventName: String, requestId: String, reason: String) -> HTTPResponse {
        let audit = AuditRecord(eventId: Identifiers.uuid(), eventTime: clock.now(), eventName: eventName,
                                awsRegion: configuration.region, sourceIPAddress: request.remoteAddress,
                                userAgent: request.header("User-Agent") ?? "", errorCode: error.code,
                                errorMessage: error.message, denialReason: reason, requestId: requestId)
        do { try store.appendAudit([audit]) } catch {
            return Self.render(WireError.internalFailure("The request could not be recorded; try again."), requestId: requestId)
        }
        return Self.render(error, requestId: requestId)
    }

    static func render(_ error: WireError, requestId: String) -> HTTPResponse {
        let rendered = error.renderedAsJSON(requestID: requestId)
        return HTTPResponse(status: rendered.status, headers: rendered.headers, body: rendered.body)
    }

    static func render(_ failure: ServiceFailure, requestId: String) -> HTTPResponse {
        render(WireError(status: failure.httpStatus, code: failure.code.rawValue, message: failure.message), requestId: requestId)
    }

    /// A body over the transport's limit: answered in the same shape as every other error, and
    /// audited like any other refused request (with the certificate, when the headers carry one).
    public func respondToOversizedBody(_ request: HTTPRequest, limit: Int) -> HTTPResponse {
        let requestId = Identifiers.uuid()
        let isSession = request.path.hasPrefix("/sessions")
        // STS on `/` speaks the query protocol: its errors are XML with STS's own codes.
        let isSTS = request.path == "/"
        let error = WireError(status: 413, code: isSTS ? "ValidationError" : "ValidationException",
                              message: "Request body exceeds the limit of \(limit) bytes")
        let stsAction = isSTS ? (try? FormParameters(parsing: request.rawQuery))?.pairs.first { $0.name == "Action" }?.value : nil
        var audit = AuditRecord(eventId: Identifiers.uuid(), eventTime: clock.now(),
                                eventSource: isSession ? "rolesanywhere.amazonaws.com" : "sts.amazonaws.com",
                                eventName: isSession ? "CreateSession" : (stsAction.flatMap { $0.isEmpty ? nil : $0 } ?? "Unknown"),
                                awsRegion: configuration.region,
                                sourceIPAddress: request.remoteAddress, userAgent: request.header("User-Agent") ?? "",
                                errorCode: error.code, errorMessage: error.message,
                                denialReason: "request body of \(request.header("Content-Length").map { "\($0) bytes" } ?? "unknown length") exceeds the \(limit)-byte limit; the body was discarded unread",
                                requestId: requestId)
        let call = CreateSessionRequest(rawQuery: request.rawQuery, headers: request.headers, body: [],
                                        sourceIPAddress: request.remoteAddress, requestId: requestId)
        if let leaf = X509Authenticator.leafCertificate(of: call) {
            audit.certificate = CreateSessionService.certificateInfo(leaf)
            audit.principal = leaf.subject.rfc4514
        }
        let recorded = (try? store.appendAudit([audit])) != nil
        log.record([("requestId", requestId), ("operation", audit.eventName), ("method", request.method), ("path", request.path),
                    ("status", "413"), ("remote", request.remoteAddress), ("audited", String(recorded))])
        return isSTS ? STSController.xml(error, requestId) : Self.render(error, requestId: requestId)
    }
}
