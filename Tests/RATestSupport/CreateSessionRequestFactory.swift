import Foundation
import RACore
import RACrypto
import RAHTTP
import RAWire

/// Signs `POST /sessions` requests with a leaf's private key through RAWire's `RequestSigner`, the
/// way real clients do, and can break any one part of them afterwards.
public struct CreateSessionRequestFactory: Sendable {
    /// Where the three ARNs travel.
    public enum Style: Sendable {
        /// The official helper ≥ 1.5: ARNs in the query, body `{"durationSeconds":…}`,
        /// `Content-Type: application/json`, `Amz-Sdk-*` headers signed.
        case officialHelper
        /// awslabs `iam-rolesanywhere-session`: no query, ARNs in a Python-style JSON body,
        /// `Content-Type: application/x-amz-json-1.0`.
        case pythonClient
        /// ARNs in the query and again in the body; a nil member repeats the query value.
        case queryAndBody(trustAnchorArn: String? = nil, profileArn: String? = nil, roleArn: String? = nil)
    }

    /// One way to spoil a request. Each leaves everything else as a real client would send it.
    public enum Breakage: Sendable {
        /// `Credential=` carries this id instead of the certificate's decimal serial.
        case credentialSerial(String)
        /// The declared algorithm (the signature itself is still made with the leaf's key).
        case algorithm(String)
        /// Signed for another region and/or service than the server's.
        case scope(region: String?, service: String?)
        /// `X-Amz-X509` is added after signing, so it is not among `SignedHeaders`.
        case certificateNotSigned
        /// One byte of the body changed after signing.
        case tamperedBody
        /// These exact bytes as the body, signed as sent (to reach validation past authentication).
        case signedBody([UInt8])
        /// One hex digit of the signature changed.
        case tamperedSignature
        /// Replaces (or with nil removes) a header after signing, e.g. `X-Amz-Date`, `X-Amz-X509`.
        case header(String, String?)
    }

    public var region: String
    public var host: String
    public var trustAnchorArn: String
    public var profileArn: String
    public var roleArn: String
    public var style: Style

    public init(region: String = ServiceConfiguration.defaultRegion, host: String = "rolesanywhere.us-east-1.amazonaws.com",
                trustAnchorArn: String, profileArn: String, roleArn: String, style: Style = .officialHelper) {
        self.region = region
        self.host = host
        self.trustAnchorArn = trustAnchorArn
        self.profileArn = profileArn
        self.roleArn = roleArn
        self.style = style
    }

    /// A copy using another style.
    public func styled(_ style: Style) -> CreateSessionRequestFactory {
        var copy = self
        copy.style = style
        return copy
    }

    /// The request `identity` signs at `date`.
    /// - Parameters:
    ///   - durationSeconds: nil omits the member.
    ///   - chain: certificates for `X-Amz-X509-Chain`; nil sends `identity.chain`, empty sends no header.
    ///   - breaking: applied in order, after an honest signature.
    public func request(signedBy identity: TestPKI.Identity, at date: Date, durationSeconds: Int? = 3600,
                        roleSessionName: String? = nil, instanceProperties: [String: String]? = nil,
                        chain: [Certificate]? = nil, breaking: [Breakage] = []) throws -> HTTPRequest {
        var body = CreateSessionRequestBody(durationSeconds: durationSeconds, instanceProperties: instanceProperties,
                                            roleSessionName: roleSessionName)
        var query = ""
        var headers: [(name: String, value: String)] = []
        switch style {
        case .officialHelper:
            query = Self.goQuery(arns)
            headers = [("Amz-Sdk-Invocation-Id", "3f1c2b4a-6d5e-4f70-8a9b-0c1d2e3f4a5b"), ("Amz-Sdk-Request", "attempt=1; max=3"),
                       ("Content-Type", "application/json"), ("User-Agent", "CredHelper/1.7.0 (go1.24.1; linux; amd64)")]
        case .pythonClient:
            body.trustAnchorArn = trustAnchorArn
            body.profileArn = profileArn
            body.roleArn = roleArn
            headers = [("Content-Type", "application/x-amz-json-1.0"), ("User-Agent", "python-requests/2.32.3")]
        case .queryAndBody(let anchor, let profile, let role):
            query = Self.goQuery(arns)
            body.trustAnchorArn = anchor ?? trustAnchorArn
            body.profileArn = profile ?? profileArn
            body.roleArn = role ?? roleArn
            headers = [("Content-Type", "application/json")]
        }
        let encoded: [UInt8]
        if case .pythonClient = style { encoded = Self.pythonJSON(body) } else { encoded = body.encoded() }
        let replacement = breaking.lazy.compactMap { if case .signedBody(let bytes) = $0 { bytes } else { nil } }.first
        let bodyBytes = replacement ?? encoded

        headers.append(("Host", host))
        let certificateHeader = ("X-Amz-X509", Data(identity.certificate.der).base64EncodedString())
        let certificateUnsigned = breaking.contains { if case .certificateNotSigned = $0 { true } else { false } }
        if !certificateUnsigned { headers.append(certificateHeader) }
        let chain = chain ?? identity.chain
        if !chain.isEmpty {
            headers.append(("X-Amz-X509-Chain", chain.map { Data($0.der).base64EncodedString() }.joined(separator: ",")))
        }

        var algorithm: SigV4Algorithm = if case .rsa = identity.key.kind { .x509RSASHA256 } else { .x509ECDSASHA256 }
        var serial = identity.certificate.serialNumber.decimalString
        var signingRegion = region
        var service = "rolesanywhere"
        for breakage in breaking {
            switch breakage {
            case .credentialSerial(let other): serial = other
            case .algorithm(let name): algorithm = SigV4Algorithm(rawValue: name)
            case .scope(let otherRegion, let otherService):
                signingRegion = otherRegion ?? signingRegion
                service = otherService ?? service
            default: break
            }
        }
        let key = identity.key
        let signer = RequestSigner(
            credentials: .x509(X509SigningIdentity(algorithm: algorithm, serialNumber: serial) { try key.signature(for: $0) }),
            region: signingRegion, service: service)
        // The official helper signs the literal "/sessions" whatever the wire path.
        let signable = SignableRequest(method: "POST", path: "/sessions", rawQuery: query, headers: headers, body: bodyBytes)
        let signed = try signer.sign(signable, host: host, date: date)
        var request = HTTPRequest(method: "POST", rawURI: query.isEmpty ? "/sessions" : "/sessions?" + query,
                                  headers: signed.applied(to: headers), body: bodyBytes, remoteAddress: "192.0.2.10")
        if certificateUnsigned { request.headers.append(certificateHeader) }
        // Transport headers, added after signing as Go's HTTP client does.
        request.headers.append(("Content-Length", String(bodyBytes.count)))
        for breakage in breaking { Self.apply(breakage, to: &request) }
        return request
    }

    var arns: [(String, String)] {
        [("profileArn", profileArn), ("roleArn", roleArn), ("trustAnchorArn", trustAnchorArn)]
    }

    static func apply(_ breakage: Breakage, to request: inout HTTPRequest) {
        switch breakage {
        case .tamperedBody:
            if request.body.isEmpty { request.body = [UInt8(ascii: " ")] } else { request.body[request.body.count / 2] ^= 0x01 }
        case .tamperedSignature:
            guard let index = request.headers.firstIndex(where: { $0.name == "Authorization" }) else { return }
            var value = Array(request.headers[index].value)
            if let last = value.indices.last { value[last] = value[last] == "0" ? "1" : "0" }
            request.headers[index].value = String(value)
        case .header(let name, let value):
            let lower = name.lowercased()
            request.headers.removeAll { $0.name.lowercased() == lower }
            if let value { request.headers.append((name, value)) }
        case .credentialSerial, .algorithm, .scope, .certificateNotSigned, .signedBody:
            break
        }
    }

    /// Go's `url.Values.Encode`: keys sorted, RFC 3986 unreserved kept, space as `+`.
    public static func goQuery(_ pairs: [(String, String)]) -> String {
        pairs.sorted { $0.0 < $1.0 }.map { "\(queryEscape($0.0))=\(queryEscape($0.1))" }.joined(separator: "&")
    }

    static func queryEscape(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: " "):
                out += "+"
            default:
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }

    /// `json.dumps` with its default separators (`", "`, `": "`), members in the order the
    /// Python client writes them.
    static func pythonJSON(_ body: CreateSessionRequestBody) -> [UInt8] {
        var members: [String] = []
        if let duration = body.durationSeconds { members.append("\"durationSeconds\": \(duration)") }
        for (name, value) in [("profileArn", body.profileArn), ("roleArn", body.roleArn),
                              ("trustAnchorArn", body.trustAnchorArn), ("roleSessionName", body.roleSessionName)] {
            if let value { members.append("\"\(name)\": \(jsonString(value))") }
        }
        if let properties = body.instanceProperties {
            let inner = properties.sorted { $0.key < $1.key }.map { "\(jsonString($0.key)): \(jsonString($0.value))" }
            members.append("\"instanceProperties\": {" + inner.joined(separator: ", ") + "}")
        }
        return Array(("{" + members.joined(separator: ", ") + "}").utf8)
    }

    static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default:
                if scalar.value < 0x20 {
                    out += "\\u" + String(scalar.value, radix: 16).leftPadded(to: 4)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

extension CreateSessionRequest {
    /// The core's view of an HTTP request, as the server's controller builds it.
    public init(_ http: HTTPRequest, requestId: String = "00000000-0000-4000-8000-000000000000") {
        self.init(method: http.method, rawPath: http.path, rawQuery: http.rawQuery, headers: http.headers, body: http.body,
                  sourceIPAddress: http.remoteAddress, requestId: requestId)
    }
}
