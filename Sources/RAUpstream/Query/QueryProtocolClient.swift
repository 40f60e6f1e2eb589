import Foundation
import RACore
import RAHTTPClient
import RAWire

/// Calls an AWS query-protocol service (STS, IAM): a form-encoded POST, SigV4-signed unless the
/// action is one AWS defines as unsigned (AssumeRoleWithWebIdentity), answered with XML.
///
/// One small client for both services keeps the signing, retrying and error mapping in one place;
/// the STS actions the server needs are built on it, and tests use it to drive IAM.
public struct QueryProtocolClient: Sendable {
    public var endpoint: UpstreamEndpoint
    /// SigV4 signing name: `sts`, `iam`.
    public var signingName: String
    /// `STS`, `IAM`: how failures name the service.
    public var serviceLabel: String
    /// The `Version` parameter, e.g. `2011-06-15` for STS.
    public var apiVersion: String
    public var retry: UpstreamRetryPolicy
    /// Signing time; the upstream checks it against its own clock, so production uses the system clock.
    public var clock: any Clock

    public init(endpoint: UpstreamEndpoint, signingName: String, serviceLabel: String, apiVersion: String,
                retry: UpstreamRetryPolicy = .standard, clock: any Clock = SystemClock()) {
        self.endpoint = endpoint
        self.signingName = signingName
        self.serviceLabel = serviceLabel
        self.apiVersion = apiVersion
        self.retry = retry
        self.clock = clock
    }

    /// STS, API version 2011-06-15.
    public static func sts(_ endpoint: UpstreamEndpoint, retry: UpstreamRetryPolicy = .standard,
                           clock: any Clock = SystemClock()) -> QueryProtocolClient {
        QueryProtocolClient(endpoint: endpoint, signingName: "sts", serviceLabel: "STS", apiVersion: "2011-06-15",
                            retry: retry, clock: clock)
    }

    /// IAM, API version 2010-05-08.
    public static func iam(_ endpoint: UpstreamEndpoint, retry: UpstreamRetryPolicy = .standard,
                           clock: any Clock = SystemClock()) -> QueryProtocolClient {
        QueryProtocolClient(endpoint: endpoint, signingName: "iam", serviceLabel: "IAM", apiVersion: "2010-05-08",
                            retry: retry, clock: clock)
    }

    /// Calls `action` with `parameters` (after `Action` and `Version`, in the given order).
    /// - Parameter credentials: signs the request; nil sends it unsigned.
    /// - Throws: ``UpstreamCallError`` after the retry policy gave up or for a final refusal.
    public func call(_ action: String, parameters: [(name: String, value: String)],
                     credentials: HMACCredentials?) throws(UpstreamCallError) -> QueryResponse {
        guard let target = endpoint.target else {
            throw UpstreamCallError(kind: .invalidRequest, service: serviceLabel, action: action,
                                    detail: "endpoint \"\(endpoint.url)\" is not an absolute http(s) URL")
        }
        let body = QueryForm.encode([("Action", action), ("Version", apiVersion)] + parameters)
        let sender = RetryingSender(transport: endpoint.transport, retry: retry, service: serviceLabel, action: action)
        return try sender.send({ (_: Int) throws(UpstreamCallError) -> HTTPClient.Request in
            try request(action: action, body: body, target: target, credentials: credentials)
        }, interpret: { response, attempt in
            interpret(response, action: action, attempts: attempt)
        })
    }

    private func request(action: String, body: [UInt8], target: (authority: String, path: String),
                         credentials: HMACCredentials?) throws(UpstreamCallError) -> HTTPClient.Request {
        var headers: [(name: String, value: String)] = [("Content-Type", QueryForm.contentType)]
        if let credentials {
            let signer = RequestSigner(credentials: .hmac(credentials), region: endpoint.region, service: signingName)
            let signable = SignableRequest(method: "POST", path: target.path, headers: headers, body: body)
            do {
                headers = try signer.sign(signable, host: target.authority, date: clock.now()).applied(to: headers)
            } catch {
                throw UpstreamCallError(kind: .invalidRequest, service: serviceLabel, action: action,
                                        detail: "the request could not be signed: \(error)")
            }
        }
        return HTTPClient.Request(method: "POST", url: endpoint.requestURL, headers: headers, body: body)
    }

    private func interpret(_ response: HTTPClient.Response, action: String,
                           attempts: Int) -> Result<QueryResponse, UpstreamCallError> {
        let headerRequestId = response.header("x-amzn-RequestId")
        if (200..<300).contains(response.status) {
            do {
                let root = try XMLResponseReader.parse(response.body)
                let requestId = root.path("ResponseMetadata", "RequestId")?.value ?? headerRequestId
                return .success(QueryResponse(root: root, requestId: requestId, attempts: attempts))
            } catch {
                return .failure(UpstreamCallError(kind: .malformedResponse, service: serviceLabel, action: action,
                                                  httpStatus: response.status, requestId: headerRequestId,
                                                  detail: "the response is not XML: \(error)"))
            }
        }
        let document = QueryErrorResponse(body: response.body)
        let code = document?.code
        let kind: UpstreamCallError.Kind
        if response.status == 429 || code.map(UpstreamCallError.throttlingCodes.contains) == true {
            kind = .throttled
        } else if response.status >= 500 || code.map(UpstreamCallError.transientCodes.contains) == true {
            kind = .unavailable
        } else {
            kind = .rejected
        }
        return .failure(UpstreamCallError(
            kind: kind, service: serviceLabel, action: action, upstreamCode: code, upstreamMessage: document?.message,
            httpStatus: response.status, requestId: document?.requestId ?? headerRequestId,
            detail: document == nil ? "HTTP \(response.status) without an error document" : ""))
    }
}
