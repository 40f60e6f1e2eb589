import Foundation

/// One audited request, shaped like a CloudTrail event, plus the internal reason for a denial that the
/// wire answer does not reveal. Never holds a secret, a session token or a private key.
public struct AuditRecord: Sendable, Codable, Equatable {
    /// The certificate that authenticated (or tried to), when one could be read.
    public struct CertificateInfo: Sendable, Codable, Equatable {
        public var serialNumberHex: String
        public var serialNumberDecimal: String
        public var subject: String
        public var issuer: String
        public var notAfter: Date?
        public init(serialNumberHex: String, serialNumberDecimal: String, subject: String, issuer: String, notAfter: Date?) {
            self.serialNumberHex = serialNumberHex
            self.serialNumberDecimal = serialNumberDecimal
            self.subject = subject
            self.issuer = issuer
            self.notAfter = notAfter
        }
    }

    public var eventVersion = "1.08"
    public var eventId: String
    public var eventTime: Date
    public var eventSource: String
    public var eventName: String
    public var awsRegion: String
    public var sourceIPAddress: String
    public var userAgent: String
    /// Who called: for CreateSession the certificate, for signed calls the principal ARN.
    public var principal: String?
    public var requestParameters: [String: String]
    public var certificate: CertificateInfo?
    /// On success: assumed-role ARN, access key id, source identity, duration, subject ARN.
    public var responseElements: [String: String]?
    public var errorCode: String?
    public var errorMessage: String?
    /// Why the request was refused, in words an operator can act on (never sent to the client).
    public var denialReason: String?
    public var requestId: String

    public init(eventId: String, eventTime: Date, eventSource: String = "rolesanywhere.amazonaws.com",
                eventName: String, awsRegion: String, sourceIPAddress: String, userAgent: String,
                principal: String? = nil, requestParameters: [String: String] = [:], certificate: CertificateInfo? = nil,
                responseElements: [String: String]? = nil, errorCode: String? = nil, errorMessage: String? = nil,
                denialReason: String? = nil, requestId: String) {
        self.eventId = eventId
        self.eventTime = eventTime
        self.eventSource = eventSource
        self.eventName = eventName
        self.awsRegion = awsRegion
        self.sourceIPAddress = sourceIPAddress
        self.userAgent = userAgent
        self.principal = principal
        self.requestParameters = requestParameters
        self.certificate = certificate
        self.responseElements = responseElements
        self.errorCode = errorCode
        self.errorMessage = errorMessage
        self.denialReason = denialReason
        self.requestId = requestId
    }

    /// The record as one line of JSON, keys sorted, times in RFC 3339: what `rolesanywhere audit` prints.
    public func jsonLine() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
