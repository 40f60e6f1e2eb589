import Foundation
import RACore
import RAHTTP
import RAWire

/// `POST /sessions`: adapts HTTP to the CreateSession use case and renders its result (spec §2.5).
struct CreateSessionController: Sendable {
    let service: CreateSessionService

    func handle(_ request: HTTPRequest, requestId: String) -> HTTPResponse {
        let call = CreateSessionRequest(method: request.method, rawPath: request.path, rawQuery: request.rawQuery,
                                        headers: request.headers, body: request.body,
                                        sourceIPAddress: request.remoteAddress, requestId: requestId)
        switch service.handle(call) {
        case .failure(let failure):
            return Application.render(failure, requestId: requestId)
        case .success(let result):
            let body = CreateSessionResponse(credentialSet: [
                CredentialResponse(
                    assumedRoleUser: AssumedRoleUser(arn: result.grant.assumedRoleArn, assumedRoleId: result.grant.assumedRoleId),
                    credentials: SessionCredentials(accessKeyId: result.credentials.accessKeyId,
                                       expiration: RFC3339.format(result.credentials.expiration),
                                       secretAccessKey: result.credentials.secretAccessKey,
                                       sessionToken: result.credentials.sessionToken),
                    packedPolicySize: result.credentials.packedPolicySize, roleArn: result.grant.role.arn,
                    sourceIdentity: result.grant.sourceIdentity),
            ], subjectArn: result.subjectArn)
            return HTTPResponse(status: 201, headers: [("Content-Type", "application/json"), ("x-amzn-RequestId", requestId)],
                                body: body.encoded())
        }
    }
}
