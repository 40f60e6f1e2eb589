import Foundation

/// A certificate revocation list imported into a trust anchor; only enabled lists are consulted.
public struct RevocationList: Sendable, Codable, Equatable {
    public var crlId: String
    public var crlArn: String
    public var name: String
    public var enabled: Bool
    public var trustAnchorArn: String
    /// The list as DER bytes, exactly as imported (PEM input is decoded first).
    public var crlData: [UInt8]
    public var tags: [Tag]
    public var createdAt: Date
    public var updatedAt: Date

    public init(crlId: String, crlArn: String, name: String, enabled: Bool, trustAnchorArn: String, crlData: [UInt8],
                tags: [Tag] = [], createdAt: Date, updatedAt: Date) {
        self.crlId = crlId
        self.crlArn = crlArn
        self.name = name
        self.enabled = enabled
        self.trustAnchorArn = trustAnchorArn
        self.crlData = crlData
        self.tags = tags
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
