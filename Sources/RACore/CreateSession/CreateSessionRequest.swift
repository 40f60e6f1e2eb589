import Foundation

/// A CreateSession call as received, independent of the HTTP transport.
public struct CreateSessionRequest: Sendable {
    public var method: String
    /// The path as received, percent-encoding intact.
    public var rawPath: String
    public var rawQuery: String
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]
    public var sourceIPAddress: String
    public var requestId: String

    public init(method: String = "POST", rawPath: String = "/sessions", rawQuery: String, headers: [(name: String, value: String)],
                body: [UInt8], sourceIPAddress: String, requestId: String) {
        self.method = method
        self.rawPath = rawPath
        self.rawQuery = rawQuery
        self.headers = headers
        self.body = body
        self.sourceIPAddress = sourceIPAddress
        self.requestId = requestId
    }

    public func header(_ name: String) -> String? {
        let lower = name.lowercased()
        return headers.first { $0.name.lowercased() == lower }?.value
    }

    public var userAgent: String { header("User-Agent") ?? "" }
}

/// A successful CreateSession: what goes back on the wire.
public struct CreateSessionResult: Sendable {
    public var credentials: IssuedCredentials
    public var grant: SessionGrant
    public var subjectArn: String
}
