/// The outcome of signing: the headers to set, and the intermediate values for debugging and tests.
public struct SignedRequest: Sendable {
    /// `Host` (only if the request had none), `X-Amz-Date`, `X-Amz-Security-Token` (temporary
    /// HMAC credentials only) and `Authorization`, in that order. Each replaces any field of the
    /// same name already on the request.
    public var headersToAdd: [(name: String, value: String)]
    public var stringToSign: StringToSign
    public var authorization: AuthorizationHeader

    public init(headersToAdd: [(name: String, value: String)], stringToSign: StringToSign,
                authorization: AuthorizationHeader) {
        self.headersToAdd = headersToAdd
        self.stringToSign = stringToSign
        self.authorization = authorization
    }

    /// `headers` with every field named in `headersToAdd` removed and `headersToAdd` appended.
    public func applied(to headers: [(name: String, value: String)]) -> [(name: String, value: String)] {
        let replaced = Set(headersToAdd.map { $0.name.lowercased() })
        return headers.filter { !replaced.contains($0.name.lowercased()) } + headersToAdd
    }
}
