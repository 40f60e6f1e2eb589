import RACrypto

/// Task 1 of SigV4: the canonical request, for both `AWS4-HMAC-SHA256` and SigV4-X509.
///
/// ```
/// METHOD \n CanonicalURI \n CanonicalQuery \n CanonicalHeaders(each line ending in \n) \n
/// SignedHeaders \n PayloadHash
/// ```
public struct CanonicalRequest: Sendable, Hashable {
    public var method: String
    public var uri: String
    public var query: String
    /// The header block, each line ending in `\n`.
    public var headers: String
    /// Lower-case header names, in the order they were signed.
    public var signedHeaders: [String]
    public var payloadHash: String

    public init(method: String, uri: String, query: String, headers: String, signedHeaders: [String],
                payloadHash: String) {
        self.method = method
        self.uri = uri
        self.query = query
        self.headers = headers
        self.signedHeaders = signedHeaders
        self.payloadHash = payloadHash
    }

    /// Canonicalises `request` for the given signed header names; the same call serves the signer
    /// (with the names it chose) and the verifier (with the names from `Authorization`).
    /// - Throws: a `WireError` when the query is malformed, a signed header is missing, or
    ///   `X-Amz-Content-Sha256` contradicts the body.
    public init(request: SignableRequest, signedHeaders: [String]) throws(WireError) {
        self.init(method: request.method.uppercased(),
                  uri: CanonicalURI.from(rawPath: request.path),
                  query: try CanonicalQuery.from(rawQuery: request.rawQuery),
                  headers: try CanonicalHeaders.block(signedHeaders: signedHeaders, headers: request.headers),
                  signedHeaders: signedHeaders,
                  payloadHash: try SigV4.payloadHash(of: request))
    }

    /// The text that is hashed into the string to sign.
    public var text: String {
        [method, uri, query, headers, signedHeaders.joined(separator: ";"), payloadHash].joined(separator: "\n")
    }

    /// hex(SHA-256(text)), the last line of the string to sign.
    public var digest: String {
        Hex.encode(SHA256.hash(Array(text.utf8)))
    }
}
