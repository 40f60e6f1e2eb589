/// Where the application reports each request it answered. The executable decides the format
/// (JSON lines on stderr); fields never hold secrets, tokens or signatures.
public protocol RequestLog: Sendable {
    func record(_ fields: [(String, String)])
}

/// Discards everything; for tests.
public struct SilentRequestLog: RequestLog {
    public init() {}
    public func record(_ fields: [(String, String)]) {}
}
