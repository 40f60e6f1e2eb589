import RACrypto

/// The SigV4 steps that are plain functions: payload hash, signing-key derivation and the HMAC
/// signature. Shared by the helper's signer and the server's verifier so both compute the same bytes.
public enum SigV4 {
    /// hex(SHA-256("")), the payload hash of every body-less request.
    public static let emptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

    /// The payload hash that goes last in the canonical request.
    ///
    /// Always hex(SHA-256(body)) computed from the bytes received, never trusted from a header:
    /// `X-Amz-Content-Sha256` is honoured only as a claim to check. When it holds a 64-digit hash
    /// that differs from the body's, the request is rejected; `UNSIGNED-PAYLOAD` and `STREAMING-*`
    /// values are ignored (they are S3-only; other services sign the body).
    /// - Throws: `XAmzContentSHA256Mismatch` when the header contradicts the body.
    public static func payloadHash(of request: SignableRequest) throws(WireError) -> String {
        let computed = Hex.encode(SHA256.hash(request.body))
        if let claimed = request.header(AmzHeader.contentSHA256)?.lowercased(),
           claimed.utf8.count == 64, claimed.utf8.allSatisfy(isHexDigit), claimed != computed {
            throw .contentSHA256Mismatch()
        }
        return computed
    }

    /// kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request").
    public static func signingKey(secretAccessKey: String, scope: CredentialScope) -> [UInt8] {
        var key = Array(("AWS4" + secretAccessKey).utf8)
        for element in [scope.date, scope.region, scope.service, CredentialScope.terminator] {
            key = HMAC.sha256(key: key, data: Array(element.utf8))
        }
        return key
    }

    /// Lower-case hex of HMAC-SHA256(signingKey, stringToSign).
    public static func hmacSignature(of stringToSign: StringToSign, signingKey: [UInt8]) -> String {
        Hex.encode(HMAC.sha256(key: signingKey, data: stringToSign.bytes))
    }

    static func isHexDigit(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"),
             UInt8(ascii: "A")...UInt8(ascii: "F"):
            true
        default:
            false
        }
    }
}
