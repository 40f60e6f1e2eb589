import Foundation

/// Everyone who has authenticated (or tried to), keyed by the certificate's subject DN.
public struct Subject: Sendable, Codable, Equatable {
    /// One certificate seen for the subject, and how its last use went.
    public struct CredentialSummary: Sendable, Codable, Equatable {
        public var serialNumber: String
        public var issuer: String
        public var x509CertificateData: String
        public var seenAt: Date
        public var failed: Bool
        public var enabled: Bool

        public init(serialNumber: String, issuer: String, x509CertificateData: String, seenAt: Date, failed: Bool,
                    enabled: Bool = true) {
            self.serialNumber = serialNumber
            self.issuer = issuer
            self.x509CertificateData = x509CertificateData
            self.seenAt = seenAt
            self.failed = failed
            self.enabled = enabled
        }
    }

    public var subjectId: String
    public var subjectArn: String
    public var x509Subject: String
    public var enabled: Bool
    public var createdAt: Date
    public var updatedAt: Date
    public var lastSeenAt: Date
    public var credentials: [CredentialSummary]
    public var instanceProperties: [String: String]

    public init(subjectId: String, subjectArn: String, x509Subject: String, enabled: Bool = true, createdAt: Date,
                updatedAt: Date, lastSeenAt: Date, credentials: [CredentialSummary] = [],
                instanceProperties: [String: String] = [:]) {
        self.subjectId = subjectId
        self.subjectArn = subjectArn
        self.x509Subject = x509Subject
        self.enabled = enabled
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.lastSeenAt = lastSeenAt
        self.credentials = credentials
        self.instanceProperties = instanceProperties
    }
}
