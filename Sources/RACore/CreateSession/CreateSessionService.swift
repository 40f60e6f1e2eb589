import Foundation
import RACrypto
import RAPolicy
import RAWire

/// The CreateSession use case: authenticate, validate the path, authorise, form the session,
/// issue credentials, record the subject and the audit record. Synchronous and transport-free.
public final class CreateSessionService: Sendable {
    public static let servicePrincipal = "rolesanywhere.amazonaws.com"

    let configuration: ServiceConfiguration
    let store: any Store
    let cache: TrustStateCache
    let issuer: any CredentialIssuer
    let clock: any Clock
    let authenticator: X509Authenticator
    let validator = PathValidator()

    public init(configuration: ServiceConfiguration, store: any Store, cache: TrustStateCache,
                issuer: any CredentialIssuer, clock: any Clock) {
        self.configuration = configuration
        self.store = store
        self.cache = cache
        self.issuer = issuer
        self.clock = clock
        self.authenticator = X509Authenticator(configuration: configuration)
    }

    /// Handles one request. The audit record is durable before this returns; if it cannot be
    /// written the request fails rather than go unrecorded.
    public func handle(_ request: CreateSessionRequest) -> Result<CreateSessionResult, ServiceFailure> {
        let now = clock.now()
        var audit = AuditRecord(eventId: Identifiers.uuid(), eventTime: now, eventName: "CreateSession",
                                awsRegion: configuration.region, sourceIPAddress: request.sourceIPAddress,
                                userAgent: request.userAgent, requestId: request.requestId)
        let leaf = X509Authenticator.leafCertificate(of: request)
        if let leaf { audit.certificate = Self.certificateInfo(leaf) ; audit.principal = leaf.subject.rfc4514 }

        var outcome = process(request, leaf: leaf, now: now, audit: &audit)
        switch outcome {
        case .success(let result):
            audit.responseElements = [
                "assumedRoleArn": result.grant.assumedRoleArn, "accessKeyId": result.credentials.accessKeyId,
                "sourceIdentity": result.grant.sourceIdentity, "roleSessionName": result.grant.sessionName,
                "durationSeconds": String(result.grant.durationSeconds), "subjectArn": result.subjectArn,
                "expiration": RFC3339.format(result.credentials.expiration),
            ]
        case .failure(let failure):
            audit.errorCode = failure.code.rawValue
            audit.errorMessage = failure.message
            audit.denialReason = failure.reason
        }
        do { try store.appendAudit([audit]) } catch {
            outcome = .failure(ServiceFailure(.internalFailure, "The request could not be recorded; try again.",
                                              reason: "audit append failed: \(error)"))
        }
        return outcome
    }

    func process(_ request: CreateSessionRequest, leaf: Certificate?, now: Date,
                 audit: inout AuditRecord) -> Result<CreateSessionResult, ServiceFailure> {
        // Parameters are read first only so that the audit record names them; the caller must
        // authenticate before being told anything about its parameters.
        let parsed = CreateSessionParameters.parse(rawQuery: request.rawQuery, body: request.body)
        if case .success(let p) = parsed { audit.requestParameters = p.auditFields }

        let authenticated: AuthenticatedRequest
        switch authenticator.authenticate(request, now: now, decodedLeaf: leaf) {
        case .success(let a): authenticated = a
        case .failure(let f): return .failure(f)
        }
        let params: CreateSessionParameters
        switch parsed {
        case .success(let p): params = p
        case .failure(let f): return .failure(f)
        }
        let certificate = authenticated.certificate

        let state: TrustState
        do { state = try cache.state() } catch {
            return .failure(ServiceFailure(.internalFailure, "Internal error.", reason: "store read failed: \(error)"))
        }
        var result = authorize(params, authenticated, state: state, now: now)
        let subjectArn = recordSubject(certificate, failed: (try? result.get()) == nil, instanceProperties: params.instanceProperties, now: now)
        if case .success(var session) = result { session.subjectArn = subjectArn; result = .success(session) }
        if !authenticated.notes.isEmpty { audit.requestParameters["additionalEventData"] = authenticated.notes.joined(separator: "; ") }
        return result
    }

    func authorize(_ params: CreateSessionParameters, _ authenticated: AuthenticatedRequest, state: TrustState,
                   now: Date) -> Result<CreateSessionResult, ServiceFailure> {
        let certificate = authenticated.certificate
        guard let anchorState = state.anchors[params.trustAnchorArn] else {
            return .failure(ServiceFailure(.resourceNotFound, "Trust anchor \(params.trustAnchorArn) was not found."))
        }
        guard anchorState.anchor.enabled else {
            return .failure(.untrusted("trust anchor \(anchorState.anchor.name) (\(params.trustAnchorArn)) is disabled"))
        }
        if case .failure(let failure) = validator.validate(leaf: certificate, pool: authenticated.pool, anchor: anchorState, at: now) {
            return .failure(failure)
        }
        guard let profile = state.profiles[params.profileArn] else {
            return .failure(ServiceFailure(.resourceNotFound, "Profile \(params.profileArn) was not found."))
        }
        guard profile.enabled else {
            return .failure(ServiceFailure(.accessDenied, "Profile is disabled.", reason: "profile \(profile.name) is disabled"))
        }
        guard profile.roleArns.contains(params.roleArn) else {
            return .failure(ServiceFailure(.accessDenied, "Requested Role isn't one of those listed in the Profile.",
                                           reason: "role \(params.roleArn) is not in profile \(profile.name)"))
        }
        guard let role = state.roles[params.roleArn] else {
            return .failure(ServiceFailure(.accessDenied, "The requested role cannot be assumed.",
                                           reason: "role \(params.roleArn) does not exist"))
        }
        var sessionName = SessionIdentity.defaultSessionName(for: certificate)
        if let requested = params.roleSessionName {
            guard profile.acceptRoleSessionName else {
                return .failure(ServiceFailure(.accessDenied, "Not authorized to set roleSessionName."))
            }
            guard SessionIdentity.isValidSessionName(requested) else {
                return .failure(ServiceFailure(.validation, "1 validation error detected: Value '\(requested)' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]{2,64}"))
            }
            sessionName = requested
        }
        if profile.requireInstanceProperties && params.instanceProperties.isEmpty {
            return .failure(ServiceFailure(.accessDenied, "The profile requires instanceProperties in the request.",
                                           reason: "profile \(profile.name) requires instance properties and none were sent"))
        }
        let duration = min(params.durationSeconds ?? profile.durationSeconds, profile.durationSeconds)
        guard duration <= role.maxSessionDuration else {
            return .failure(ServiceFailure(.validation, "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.",
                                           reason: "duration \(duration) s exceeds MaxSessionDuration \(role.maxSessionDuration) s of \(role.roleName)"))
        }
        let tags = SessionTags.derive(from: certificate, mappings: profile.attributeMappings)
        let sourceIdentity = SessionIdentity.sourceIdentity(for: certificate)
        if case .failure(let failure) = evaluateTrustPolicy(role: role, state: state, tags: tags, sourceIdentity: sourceIdentity,
                                                            trustAnchorArn: params.trustAnchorArn, now: now) {
            return .failure(failure)
        }
        let grant = SessionGrant(accountId: configuration.accountId, role: role, sessionName: sessionName,
                                 durationSeconds: duration, sourceIdentity: sourceIdentity, tags: tags,
                                 sessionPolicy: profile.sessionPolicy, managedPolicyArns: profile.managedPolicyArns,
                                 sourceArn: params.trustAnchorArn, issuedAt: now)
        do {
            let credentials = try issuer.issue(grant)
            return .success(CreateSessionResult(credentials: credentials, grant: grant, subjectArn: ""))
        } catch {
            return .failure(error)
        }
    }

    /// The trust policy must allow the service principal `sts:AssumeRole`, `sts:SetSourceIdentity`
    /// (a source identity is always set) and `sts:TagSession` when there are tags.
    func evaluateTrustPolicy(role: Role, state: TrustState, tags: [Tag], sourceIdentity: String, trustAnchorArn: String,
                             now: Date) -> Result<Void, ServiceFailure> {
        let denied = ServiceFailure(.accessDenied, "Not authorized to perform sts:AssumeRole on the requested role.")
        guard let policy = state.trustPolicies[role.arn] else {
            var f = denied
            f.reason = "trust policy of \(role.roleName) does not parse"
            return .failure(f)
        }
        var keys: [String: ContextValue] = [
            "aws:SourceArn": .string(trustAnchorArn),
            "aws:SourceAccount": .string(configuration.accountId),
            "sts:SourceIdentity": .string(sourceIdentity),
            "aws:SourceIdentity": .string(sourceIdentity),
            "aws:TagKeys": .strings(tags.map(\.key)),
            "aws:CurrentTime": .date(now),
            "aws:EpochTime": .number(now.timeIntervalSince1970.rounded(.down)),
            "aws:PrincipalType": .string("AWSService"),
            "aws:SecureTransport": .bool(true),
        ]
        for tag in tags {
            keys["aws:PrincipalTag/" + tag.key] = .string(tag.value)
            keys["aws:RequestTag/" + tag.key] = .string(tag.value)
        }
        var actions = ["sts:AssumeRole", "sts:SetSourceIdentity"]
        if !tags.isEmpty { actions.append("sts:TagSession") }
        for action in actions {
            let context = RequestContext(principal: .service(Self.servicePrincipal), action: action, resource: role.arn, keys: keys)
            let evaluation = PolicyEvaluator.evaluateExplaining([policy], in: context)
            guard evaluation.decision == .allow else {
                var f = denied
                f.reason = "trust policy of \(role.roleName) does not allow \(action) for \(Self.servicePrincipal) (\(evaluation.decision)): "
                    + evaluation.reasons.joined(separator: "; ")
                return .failure(f)
            }
        }
        return .success(())
    }

    /// Records the certificate under its subject DN; returns the subject ARN. Failures to write are
    /// not fatal for the session (the audit record still carries the attempt).
    func recordSubject(_ certificate: Certificate, failed: Bool, instanceProperties: [String: String], now: Date) -> String {
        let dn = certificate.subject.rfc4514
        let summary = Subject.CredentialSummary(serialNumber: certificate.serialNumber.hexString, issuer: certificate.issuer.rfc4514,
                                                x509CertificateData: certificate.pem, seenAt: now, failed: failed)
        let written = try? store.write { tx -> String in
            var subject = try tx.subject(x509Subject: dn) ?? {
                let id = Identifiers.uuid()
                return Subject(subjectId: id, subjectArn: configuration.subjectArn(id: id), x509Subject: dn,
                               createdAt: now, updatedAt: now, lastSeenAt: now)
            }()
            subject.credentials.removeAll { $0.serialNumber == summary.serialNumber && $0.issuer == summary.issuer }
            subject.credentials.insert(summary, at: 0)
            if subject.credentials.count > 10 { subject.credentials.removeLast(subject.credentials.count - 10) }
            subject.lastSeenAt = now
            subject.updatedAt = now
            if !instanceProperties.isEmpty { subject.instanceProperties = instanceProperties }
            try tx.put(subject)
            return subject.subjectArn
        }
        return written ?? ""
    }

    public static func certificateInfo(_ certificate: Certificate) -> AuditRecord.CertificateInfo {
        AuditRecord.CertificateInfo(serialNumberHex: certificate.serialNumber.hexString,
                                    serialNumberDecimal: certificate.serialNumber.decimalString,
                                    subject: certificate.subject.rfc4514, issuer: certificate.issuer.rfc4514,
                                    notAfter: certificate.notAfter)
    }
}
