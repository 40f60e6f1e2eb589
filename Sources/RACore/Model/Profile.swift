import Foundation

/// Which roles a certificate may assume through this service, and for how long.
public struct Profile: Sendable, Codable, Equatable {
    public var profileId: String
    public var profileArn: String
    public var name: String
    public var enabled: Bool
    public var roleArns: [String]
    public var durationSeconds: Int
    public var acceptRoleSessionName: Bool
    public var requireInstanceProperties: Bool
    public var sessionPolicy: String?
    public var managedPolicyArns: [String]
    public var attributeMappings: [AttributeMapping]
    public var tags: [Tag]
    public var createdBy: String?
    public var createdAt: Date
    public var updatedAt: Date

    /// Profiles default to one-hour sessions when no duration is configured.
    public static let defaultDurationSeconds = 3600
    /// The range AWS accepts for both profile and request durations.
    public static let durationRange = 900...43200

    public init(profileId: String, profileArn: String, name: String, enabled: Bool, roleArns: [String],
                durationSeconds: Int = Profile.defaultDurationSeconds, acceptRoleSessionName: Bool = false,
                requireInstanceProperties: Bool = false, sessionPolicy: String? = nil, managedPolicyArns: [String] = [],
                attributeMappings: [AttributeMapping] = AttributeMapping.defaults, tags: [Tag] = [],
                createdBy: String? = nil, createdAt: Date, updatedAt: Date) {
        self.profileId = profileId
        self.profileArn = profileArn
        self.name = name
        self.enabled = enabled
        self.roleArns = roleArns
        self.durationSeconds = durationSeconds
        self.acceptRoleSessionName = acceptRoleSessionName
        self.requireInstanceProperties = requireInstanceProperties
        self.sessionPolicy = sessionPolicy
        self.managedPolicyArns = managedPolicyArns
        self.attributeMappings = attributeMappings
        self.tags = tags
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// Which certificate attributes become session tags, per certificate field.
public struct AttributeMapping: Sendable, Codable, Equatable {
    public enum CertificateField: String, Sendable, Codable, CaseIterable {
        case x509Subject, x509Issuer, x509SAN
    }

    public var certificateField: CertificateField
    public var specifiers: [String]

    public init(certificateField: CertificateField, specifiers: [String]) {
        self.certificateField = certificateField
        self.specifiers = specifiers
    }

    /// The mappings every profile starts with (spec §3.4, in the documented order).
    public static let defaults: [AttributeMapping] = [
        AttributeMapping(certificateField: .x509Issuer, specifiers: ["*"]),
        AttributeMapping(certificateField: .x509SAN, specifiers: ["DNS", "URI", "Name/*"]),
        AttributeMapping(certificateField: .x509Subject, specifiers: ["*"]),
    ]
}
