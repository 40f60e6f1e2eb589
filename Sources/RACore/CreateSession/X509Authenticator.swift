import Foundation
import RACrypto
import RAWire

/// A request whose SigV4-X509 signature has been verified with the certificate it carries.
public struct AuthenticatedRequest: Sendable {
    public var certificate: Certificate
    /// `X-Amz-X509-Chain`, decoded; an unordered pool that may hold the leaf itself.
    public var pool: [Certificate]
    public var algorithm: String
    public var signingRegion: String
    /// Things AWS would record in `additionalEventData` but tolerate (e.g. an algorithm name that
    /// does not match the key type).
    public var notes: [String]
}

/// Step one of CreateSession: parse `Authorization`, check the date window, decode the
/// certificates and verify the request signature with the leaf's public key (spec §2.2-2.3).
public struct X509Authenticator: Sendable {
    public static let algorithms: Set<String> = [
        "AWS4-X509-RSA-SHA256", "AWS4-X509-ECDSA-SHA256",
        // The awslabs Python client names the certificate's own hash; the request itself is still
        // signed with SHA-256, so these are accepted and verified as SHA-256.
        "AWS4-X509-RSA-SHA384", "AWS4-X509-RSA-SHA512", "AWS4-X509-ECDSA-SHA384", "AWS4-X509-ECDSA-SHA512",
    ]

    let configuration: ServiceConfiguration

    public init(configuration: ServiceConfiguration) { self.configuration = configuration }

    /// Decodes the leaf certificate alone, for auditing a request whose signature is not checked yet.
    public static func leafCertificate(of request: CreateSessionRequest) -> Certificate? {
        guard let header = request.header("X-Amz-X509"), let der = Data(base64Encoded: header.trimmingCharacters(in: .whitespaces)) else {
            return nil
        }
        return try? Certificate(der: Array(der))
    }

    /// `decodedLeaf` is the `X-Amz-X509` certificate when the caller has decoded it already (for
    /// auditing), so the request path decodes it once.
    public func authenticate(_ request: CreateSessionRequest, now: Date,
                             decodedLeaf: Certificate? = nil) -> Result<AuthenticatedRequest, ServiceFailure> {
        guard let authorization = request.header("Authorization") else {
            return .failure(ServiceFailure(.accessDenied, "Missing Authentication Token",
                                           reason: "the request has no Authorization header"))
        }
        let parsed: AuthorizationHeader
        do { parsed = try AuthorizationHeader.parse(authorization) } catch {
            return .failure(ServiceFailure(.validation, "Authorization header is malformed: \(error.message)"))
        }
        guard Self.algorithms.contains(parsed.algorithm.rawValue) else {
            return .failure(ServiceFailure(.validation, "Unsupported signing algorithm '\(parsed.algorithm)'; expected AWS4-X509-RSA-SHA256 or AWS4-X509-ECDSA-SHA256"))
        }
        let scope = parsed.scope
        guard scope.service == "rolesanywhere" else {
            return .failure(ServiceFailure(.validation, "Credential scope must be <date>/<region>/rolesanywhere/aws4_request, got '\(scope.formatted)'"))
        }
        guard scope.region == configuration.region else {
            return .failure(ServiceFailure(.accessDenied, "Credential should be scoped to a valid region; expected '\(configuration.region)', got '\(scope.region)'"))
        }

        guard let amzDate = request.header("X-Amz-Date") else {
            return .failure(ServiceFailure(.validation, "Missing required header X-Amz-Date"))
        }
        guard let signedAt = try? AmzDate.parse(amzDate) else {
            return .failure(ServiceFailure(.validation, "X-Amz-Date '\(amzDate)' is not in the form YYYYMMDD'T'HHMMSS'Z'"))
        }
        guard amzDate.prefix(8) == scope.date else {
            return .failure(ServiceFailure(.accessDenied, "Credential scope date \(scope.date) does not match X-Amz-Date \(amzDate)"))
        }
        if abs(signedAt.timeIntervalSince(now)) > configuration.clockSkew {
            return .failure(ServiceFailure(.accessDenied, "Signature expired: \(amzDate) is outside the allowed window of \(Int(configuration.clockSkew)) seconds around the server time \(AmzDate.format(now))",
                                           reason: "request date \(amzDate) is \(Int(signedAt.timeIntervalSince(now))) s from server time"))
        }

        guard let certificateHeader = request.header("X-Amz-X509") else {
            return .failure(ServiceFailure(.validation, "Missing required header X-Amz-X509"))
        }
        let certificate: Certificate
        if let decodedLeaf {
            certificate = decodedLeaf
        } else {
            switch Self.decodeCertificate(certificateHeader, header: "X-Amz-X509") {
            case .success(let c): certificate = c
            case .failure(let f): return .failure(f)
            }
        }
        var pool: [Certificate] = []
        if let chain = request.header("X-Amz-X509-Chain") {
            let parts = chain.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count <= PathValidator.maximumPoolSize else {
                return .failure(ServiceFailure(.validation, "X-Amz-X509-Chain holds \(parts.count) certificates; at most \(PathValidator.maximumPoolSize) are allowed"))
            }
            for part in parts {
                switch Self.decodeCertificate(part, header: "X-Amz-X509-Chain") {
                case .success(let c): pool.append(c)
                case .failure(let f): return .failure(f)
                }
            }
        }

        guard parsed.credentialID == certificate.serialNumber.decimalString else {
            return .failure(ServiceFailure(.accessDenied, "Invalid signature",
                                           reason: "Credential serial \(parsed.credentialID) is not the certificate's serial \(certificate.serialNumber.decimalString) (decimal)"))
        }
        let signed = Set(parsed.signedHeaders)
        var required = ["host", "x-amz-date", "x-amz-x509"]
        if request.header("X-Amz-X509-Chain") != nil { required.append("x-amz-x509-chain") }
        if let missing = required.first(where: { !signed.contains($0) }) {
            return .failure(ServiceFailure(.accessDenied, "Invalid signature",
                                           reason: "header '\(missing)' is not among the signed headers"))
        }

        let stringToSign: StringToSign
        do {
            let signable = SignableRequest(method: request.method, path: request.rawPath, rawQuery: request.rawQuery,
                                           headers: request.headers, body: request.body)
            stringToSign = try StringToSign(request: signable, authorization: parsed)
        } catch {
            return .failure(ServiceFailure(.validation, "Cannot canonicalise the request: \(error.message)"))
        }
        guard let signature = Hex.decode(parsed.signature),
              certificate.publicKey.isValidSignature(signature, for: stringToSign.bytes) else {
            return .failure(ServiceFailure(.accessDenied, "Invalid signature",
                                           reason: "the request signature does not verify with the certificate's public key"))
        }
        var notes: [String] = []
        let declaresRSA = parsed.algorithm.rawValue.hasPrefix("AWS4-X509-RSA")
        if case .rsa = certificate.publicKey.kind, !declaresRSA { notes.append("algorithm \(parsed.algorithm) does not match the RSA key") }
        if case .ec = certificate.publicKey.kind, declaresRSA { notes.append("algorithm \(parsed.algorithm) does not match the EC key") }
        return .success(AuthenticatedRequest(certificate: certificate, pool: pool, algorithm: parsed.algorithm.rawValue,
                                             signingRegion: scope.region, notes: notes))
    }

    static func decodeCertificate(_ text: String, header: String) -> Result<Certificate, ServiceFailure> {
        guard !text.isEmpty, let der = Data(base64Encoded: text) else {
            return .failure(ServiceFailure(.validation, "\(header) is not valid base64"))
        }
        do { return .success(try Certificate(der: Array(der))) } catch {
            return .failure(ServiceFailure(.validation, "\(header) is not a DER-encoded X.509 certificate",
                                           reason: "\(header) does not parse: \(error)"))
        }
    }
}
