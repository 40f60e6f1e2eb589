/// Task 2 of SigV4: `ALGORITHM \n X-Amz-Date \n scope \n hex(sha256(canonical request))`.
///
/// The HMAC family signs it with a derived key, the X.509 family with the certificate's private
/// key; the text is identical in both.
public struct StringToSign: Sendable, Hashable {
    public var algorithm: SigV4Algorithm
    /// `X-Amz-Date` value, `yyyyMMdd'T'HHmmss'Z'`.
    public var amzDate: String
    public var scope: CredentialScope
    public var canonicalRequest: CanonicalRequest

    public init(algorithm: SigV4Algorithm, amzDate: String, scope: CredentialScope,
                canonicalRequest: CanonicalRequest) {
        self.algorithm = algorithm
        self.amzDate = amzDate
        self.scope = scope
        self.canonicalRequest = canonicalRequest
    }

    /// Rebuilds what the client signed, server side, from the request as received and its parsed
    /// `Authorization` header. Checks only what canonicalisation needs: `X-Amz-Date` is present and
    /// well-formed and its date equals the scope date. Clock skew, the scope's region and service,
    /// and which headers must be signed are the server's policy.
    /// - Throws: `IncompleteSignatureException` for a missing or malformed `X-Amz-Date`, a scope
    ///   date that differs from it, or a signed header absent from the request; other `WireError`s
    ///   from canonicalisation.
    public init(request: SignableRequest, authorization: AuthorizationHeader) throws(WireError) {
        guard let amzDate = request.header(AmzHeader.date) else {
            throw .incompleteSignature("The request must contain an X-Amz-Date header.")
        }
        let date = try AmzDate.parse(amzDate)
        guard AmzDate.dateStamp(date) == authorization.scope.date else {
            throw .incompleteSignature("The credential scope date does not match the X-Amz-Date header.")
        }
        let canonical = try CanonicalRequest(request: request, signedHeaders: authorization.signedHeaders)
        self.init(algorithm: authorization.algorithm, amzDate: amzDate, scope: authorization.scope,
                  canonicalRequest: canonical)
    }

    public var text: String {
        [algorithm.rawValue, amzDate, scope.formatted, canonicalRequest.digest].joined(separator: "\n")
    }

    /// UTF-8 of `text`: the exact bytes the signature covers.
    public var bytes: [UInt8] { Array(text.utf8) }
}
