import Foundation

/// An AWS SigV4 (HMAC) request to STS, IAM or the control plane, independent of the transport.
public struct SignedCall: Sendable {
    public var method: String
    public var rawPath: String
    public var rawQuery: String
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(method: String, rawPath: String, rawQuery: String, headers: [(name: String, value: String)], body: [UInt8]) {
        self.method = method
        self.rawPath = rawPath
        self.rawQuery = rawQuery
        self.headers = headers
        self.body = body
    }

    public func header(_ name: String) -> String? {
        let lower = name.lowercased()
        return headers.first { $0.name.lowercased() == lower }?.value
    }
}

/// Why a signed call was refused, with STS's codes and messages.
public struct CallerFailure: Error, Sendable, Equatable {
    public enum Code: String, Sendable {
        case missingAuthenticationToken = "MissingAuthenticationToken"
        case incompleteSignature = "IncompleteSignature"
        case invalidClientTokenId = "InvalidClientTokenId"
        case expiredToken = "ExpiredToken"
        case signatureDoesNotMatch = "SignatureDoesNotMatch"
    }

    public var code: Code
    public var message: String
    public var reason: String

    public var httpStatus: Int { code == .expiredToken || code == .incompleteSignature ? 400 : 403 }

    public init(_ code: Code, _ message: String, reason: String? = nil) {
        self.code = code
        self.message = message
        self.reason = reason ?? message
    }

    static let invalidToken = CallerFailure(.invalidClientTokenId, "The security token included in the request is invalid.")
    static let mismatch = CallerFailure(.signatureDoesNotMatch, "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.")
}
