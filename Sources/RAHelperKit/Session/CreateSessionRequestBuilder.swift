import Foundation
import RAHTTPClient
import RAWire

/// Builds one signed CreateSession request the way the official helper (≥ 1.5.0) puts it on the wire:
/// ARNs in the query, `{"durationSeconds":N[,"roleSessionName":"…"]}` as the body, and every header
/// except `User-Agent` signed with SigV4-X509 over the literal URI `/sessions`.
struct CreateSessionRequestBuilder: Sendable {
    static let service = "rolesanywhere"

    var configuration: CredentialsConfiguration
    var target: SessionTarget

    /// The signed request plus the string that was signed (for `--debug`).
    func request(signer: any CredentialSigner, date: Date, invocationID: String, attempt: Int,
                 maxAttempts: Int) throws(HelperError) -> (request: HTTPClient.Request, stringToSign: String) {
        let query = FormQuery.encode([("profileArn", configuration.profileArn), ("roleArn", configuration.roleArn),
                                      ("trustAnchorArn", configuration.trustAnchorArn)])
        let sessionName = configuration.roleSessionName.flatMap { $0.isEmpty ? nil : $0 }
        let body = CreateSessionRequestBody(durationSeconds: configuration.sessionDuration,
                                            roleSessionName: sessionName).encoded()
        var headers: [(name: String, value: String)] = [
            ("Amz-Sdk-Invocation-Id", invocationID),
            ("Amz-Sdk-Request", "attempt=\(attempt); max=\(maxAttempts)"),
            ("Content-Type", "application/json"),
            ("Host", target.endpoint.authority),
            ("X-Amz-X509", Data(signer.certificate.der).base64EncodedString()),
        ]
        if !signer.chain.isEmpty {
            headers.append(("X-Amz-X509-Chain", signer.chain.map { Data($0.der).base64EncodedString() }.joined(separator: ",")))
        }
        let identity = X509SigningIdentity(algorithm: SigV4Algorithm(rawValue: signer.algorithm),
                                           serialNumber: signer.certificate.serialNumber.decimalString,
                                           sign: { message in try signer.sign(message) })
        let requestSigner = RequestSigner(credentials: .x509(identity), region: target.region, service: Self.service)
        // The signed URI is `/sessions` even when the endpoint has a base path (official quirk).
        let signable = SignableRequest(method: "POST", path: "/sessions", rawQuery: query, headers: headers, body: body)
        let signed: SignedRequest
        do {
            signed = try requestSigner.sign(signable, host: target.endpoint.authority, date: date)
        } catch let error as HelperError {
            throw error
        } catch {
            throw HelperError(.signing, "could not sign request \(error)")
        }
        // User-Agent goes on after signing: the official helper never signs it.
        let wireHeaders = signed.applied(to: headers) + [("User-Agent", HelperVersion.userAgent)]
        let request = HTTPClient.Request(method: "POST", url: target.endpoint.sessionsURL(query: query),
                                         headers: wireHeaders, body: body)
        return (request, signed.stringToSign.text)
    }
}
