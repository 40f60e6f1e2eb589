import RACrypto

/// Server-side check of an `AWS4-HMAC-SHA256` signature. The caller parses `Authorization`,
/// looks up the secret for `authorization.credentialID`, and enforces its own policy (clock skew,
/// scope region and service, required signed headers); this only answers "does it match".
public enum HMACVerifier {
    /// Recomputes the signature over `request` and compares it in constant time.
    /// - Returns: true when the signature in `authorization` is the one `secretAccessKey` produces.
    /// - Throws: a `WireError` when the request cannot be canonicalised (see `StringToSign`).
    public static func isValidSignature(request: SignableRequest, authorization: AuthorizationHeader,
                                        secretAccessKey: String) throws(WireError) -> Bool {
        let stringToSign = try StringToSign(request: request, authorization: authorization)
        let key = SigV4.signingKey(secretAccessKey: secretAccessKey, scope: authorization.scope)
        let expected = SigV4.hmacSignature(of: stringToSign, signingKey: key)
        return constantTimeEquals(Array(expected.utf8), Array(authorization.signature.lowercased().utf8))
    }

    /// Compares without an early exit, so timing does not reveal how many leading bytes matched.
    /// Lengths are public (a signature's length says nothing about its value).
    static func constantTimeEquals(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for index in lhs.indices {
            difference |= lhs[index] ^ rhs[index]
        }
        return difference == 0
    }
}
