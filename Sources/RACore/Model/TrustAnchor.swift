import Foundation

/// A CA the service trusts: certificates that chain to one of its certificates may ask for sessions.
public struct TrustAnchor: Sendable, Codable, Equatable {
    public enum SourceType: String, Sendable, Codable { case certificateBundle = "CERTIFICATE_BUNDLE", awsAcmPca = "AWS_ACM_PCA", selfSignedRepository = "SELF_SIGNED_REPOSITORY" }

    /// Where the anchor's certificates come from; for `CERTIFICATE_BUNDLE` the PEM text itself.
    public struct Source: Sendable, Codable, Equatable {
        public var sourceType: SourceType
        public var x509CertificateData: String?
        public var acmPcaArn: String?
        public init(sourceType: SourceType, x509CertificateData: String? = nil, acmPcaArn: String? = nil) {
            self.sourceType = sourceType
            self.x509CertificateData = x509CertificateData
            self.acmPcaArn = acmPcaArn
        }
    }

    public var trustAnchorId: String
    public var trustAnchorArn: String
    public var name: String
    public var enabled: Bool
    public var source: Source
    public var notificationSettings: [NotificationSetting]
    public var tags: [Tag]
    public var createdAt: Date
    public var updatedAt: Date

    public init(trustAnchorId: String, trustAnchorArn: String, name: String, enabled: Bool, source: Source,
                notificationSettings: [NotificationSetting] = NotificationSetting.defaults, tags: [Tag] = [],
                createdAt: Date, updatedAt: Date) {
        self.trustAnchorId = trustAnchorId
        self.trustAnchorArn = trustAnchorArn
        self.name = name
        self.enabled = enabled
        self.source = source
        self.notificationSettings = notificationSettings
        self.tags = tags
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// When to warn about certificates that are about to expire (control plane, §4 of the spec).
public struct NotificationSetting: Sendable, Codable, Equatable {
    public var enabled: Bool
    public var event: String
    public var threshold: Int?
    public var channel: String?
    public var configuredBy: String?

    public init(enabled: Bool, event: String, threshold: Int?, channel: String?, configuredBy: String?) {
        self.enabled = enabled
        self.event = event
        self.threshold = threshold
        self.channel = channel
        self.configuredBy = configuredBy
    }

    /// The settings every new trust anchor starts with: both events on, 45 days, all channels.
    public static let defaults: [NotificationSetting] = [
        NotificationSetting(enabled: true, event: "CA_CERTIFICATE_EXPIRY", threshold: 45, channel: "ALL",
                            configuredBy: "rolesanywhere.amazonaws.com"),
        NotificationSetting(enabled: true, event: "END_ENTITY_CERTIFICATE_EXPIRY", threshold: 45, channel: "ALL",
                            configuredBy: "rolesanywhere.amazonaws.com"),
    ]
}

/// A resource tag as the AWS APIs spell it.
public struct Tag: Sendable, Codable, Equatable {
    public var key: String
    public var value: String
    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}
