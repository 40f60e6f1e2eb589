import Foundation
import RACrypto
import RAWire

/// Verifies the SigV4 (HMAC) signature of a call made with credentials this server issued.
///
/// The secret travels sealed inside the session token, so any replica holding the token key can
/// authenticate the call without a database lookup.
public struct CallerAuthenticator: Sendable {
    let codec: SessionTokenCodec
    let configuration: ServiceConfiguration

    public init(codec: SessionTokenCodec, configuration: ServiceConfiguration) {
        self.codec = codec
        self.configuration = configuration
    }

    /// Returns the session behind the call, or STS's error for it. `service` is the signing name
    /// the endpoint answers to (`sts`, `iam`, `rolesanywhere`).
    public func authenticate(_ call: SignedCall, services: Set<String>, now: Date) -> Result<SessionClaims, CallerFailure> {
        guard let authorization = call.header("Authorization") else {
            return .failure(CallerFailure(.missingAuthenticationToken, "Request is missing Authentication Token"))
        }
        let parsed: AuthorizationHeader
        do { parsed = try AuthorizationHeader.parse(authorization) } catch {
            return .failure(CallerFailure(.incompleteSignature, "Authorization header is malformed: \(error.message)"))
        }
        guard parsed.algorithm == .hmacSHA256 else {
            return .failure(CallerFailure(.incompleteSignature, "Unsupported AWS 'algorithm': '\(parsed.algorithm)'"))
        }
        let scope = parsed.scope
        guard services.contains(scope.service) else {
            return .failure(CallerFailure(.signatureDoesNotMatch, "Credential should be scoped to correct service: '\(services.sorted().joined(separator: "' or '"))'."))
        }
        guard scope.region == configuration.region else {
            return .failure(CallerFailure(.signatureDoesNotMatch, "Credential should be scoped to a valid region, not '\(scope.region)'."))
        }
        guard let token = call.header("X-Amz-Security-Token") else {
            return .failure(CallerFailure.invalidToken.with(reason: "no X-Amz-Security-Token; only session credentials issued by this server are accepted"))
        }
        let claims: SessionClaims
        switch codec.open(token) {
        case .success(let c): claims = c
        case .failure(let why): return .failure(CallerFailure.invalidToken.with(reason: "session token could not be opened: \(why)"))
        }
        guard claims.accessKeyId == parsed.credentialID else {
            return .failure(CallerFailure.invalidToken.with(reason: "access key \(parsed.credentialID) does not belong to the session token"))
        }
        guard claims.expiresAt > now else {
            return .failure(CallerFailure(.expiredToken, "The security token included in the request is expired",
                                          reason: "session \(claims.assumedRoleArn) expired at \(RFC3339.format(claims.expiresAt))"))
        }
        guard let amzDate = call.header("X-Amz-Date"), let signedAt = try? AmzDate.parse(amzDate) else {
            return .failure(CallerFailure(.incompleteSignature, "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header."))
        }
        let minutes = Int(configuration.clockSkew / 60)
        if signedAt.timeIntervalSince(now) < -configuration.clockSkew {
            return .failure(CallerFailure(.signatureDoesNotMatch, "Signature expired: \(amzDate) is now earlier than \(AmzDate.format(now.addingTimeInterval(-configuration.clockSkew))) (\(AmzDate.format(now)) - \(minutes) min.)"))
        }
        if signedAt.timeIntervalSince(now) > configuration.clockSkew {
            return .failure(CallerFailure(.signatureDoesNotMatch, "Signature not yet current: \(amzDate) is still later than \(AmzDate.format(now.addingTimeInterval(configuration.clockSkew))) (\(AmzDate.format(now)) + \(minutes) min.)"))
        }
        let signable = SignableRequest(method: call.method, path: call.rawPath, rawQuery: call.rawQuery,
                                       headers: call.headers, body: call.body)
        let matches: Bool
        do {
            matches = try HMACVerifier.isValidSignature(request: signable, authorization: parsed, secretAccessKey: claims.secretAccessKey)
        } catch {
            return .failure(CallerFailure(.incompleteSignature, error.message))
        }
        guard matches else {
            return .failure(CallerFailure.mismatch.with(reason: "HMAC signature mismatch for \(claims.assumedRoleArn)"))
        }
        return .success(claims)
    }
}

extension CallerFailure {
    func with(reason: String) -> CallerFailure {
        var copy = self
        copy.reason = reason
        return copy
    }
}
