import Foundation
import RACore
import RAHTTP
import RAWire

/// Signs STS query calls (`Action=GetCallerIdentity`) with the credentials CreateSession issued,
/// as botocore does: `POST /` with a form body, `AWS4-HMAC-SHA256`, `X-Amz-Security-Token` signed.
public struct SessionCallFactory: Sendable {
    /// One way to spoil a call.
    public enum Breakage: Sendable {
        /// Signed with another secret than the one issued.
        case secret(String)
        /// `Credential=` names another access key id.
        case accessKeyId(String)
        /// Sent with another session token (nil: none at all).
        case sessionToken(String?)
        /// Signed for another service than `sts`.
        case service(String)
        /// One hex digit of the signature changed.
        case tamperedSignature
        /// Replaces (nil removes) a header after signing.
        case header(String, String?)
    }

    public var region: String
    public var host: String

    public init(region: String = ServiceConfiguration.defaultRegion, host: String = "sts.us-east-1.amazonaws.com") {
        self.region = region
        self.host = host
    }

    /// `Action=GetCallerIdentity&Version=2011-06-15` signed at `date`.
    public func getCallerIdentity(_ credentials: HMACCredentials, at date: Date, breaking: [Breakage] = []) throws -> HTTPRequest {
        try call(action: "GetCallerIdentity", credentials, at: date, breaking: breaking)
    }

    /// Any query action, as a form POST to `/`.
    public func call(action: String, _ credentials: HMACCredentials, at date: Date, breaking: [Breakage] = []) throws -> HTTPRequest {
        var keys = credentials
        var service = "sts"
        for breakage in breaking {
            switch breakage {
            case .secret(let other): keys.secretAccessKey = other
            case .accessKeyId(let other): keys.accessKeyID = other
            case .sessionToken(let other): keys.sessionToken = other
            case .service(let other): service = other
            case .tamperedSignature, .header: break
            }
        }
        let body = Array("Action=\(action)&Version=2011-06-15".utf8)
        let headers: [(name: String, value: String)] = [
            ("Host", host), ("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"),
            ("User-Agent", "Boto3/1.35.0 md/Botocore#1.35.0 os/linux"),
        ]
        let signer = RequestSigner(credentials: .hmac(keys), region: region, service: service)
        let signed = try signer.sign(SignableRequest(method: "POST", path: "/", headers: headers, body: body), host: host, date: date)
        var request = HTTPRequest(method: "POST", rawURI: "/", headers: signed.applied(to: headers), body: body,
                                  remoteAddress: "192.0.2.20")
        request.headers.append(("Content-Length", String(body.count)))
        for breakage in breaking {
            switch breakage {
            case .tamperedSignature:
                guard let index = request.headers.firstIndex(where: { $0.name == "Authorization" }) else { continue }
                var value = Array(request.headers[index].value)
                if let last = value.indices.last { value[last] = value[last] == "0" ? "1" : "0" }
                request.headers[index].value = String(value)
            case .header(let name, let value):
                let lower = name.lowercased()
                request.headers.removeAll { $0.name.lowercased() == lower }
                if let value { request.headers.append((name, value)) }
            default:
                break
            }
        }
        return request
    }
}

extension HMACCredentials {
    /// The credentials as issued, ready to sign with.
    public init(_ issued: IssuedCredentials) {
        self.init(accessKeyID: issued.accessKeyId, secretAccessKey: issued.secretAccessKey, sessionToken: issued.sessionToken)
    }
}

extension SignedCall {
    /// The core's view of an HTTP request, as the server's STS controller builds it.
    public init(_ http: HTTPRequest) {
        self.init(method: http.method, rawPath: http.path, rawQuery: http.rawQuery, headers: http.headers, body: http.body)
    }
}
