/// Why no trusted path exists, phrased for an audit record, e.g.
/// "certificate has expired (depth 1, CN=Issuing CA)". The wire answer stays AWS's terse one.
public struct ChainError: Error, Sendable, Equatable, CustomStringConvertible {
    public var reason: String
    /// OpenSSL's X509_V_ERR_* code when the failure came from OpenSSL's verifier, else nil.
    public var code: Int?

    public init(reason: String, code: Int? = nil) {
        self.reason = reason
        self.code = code
    }

    public var description: String { reason }
}
