import Foundation

/// `yyyyMMdd/region/service/aws4_request`: binds a signature to one day, region and service.
public struct CredentialScope: Sendable, Hashable, CustomStringConvertible {
    /// The fixed last element of every SigV4 scope.
    public static let terminator = "aws4_request"

    /// `yyyyMMdd`, the date part of `X-Amz-Date`.
    public var date: String
    public var region: String
    /// Signing name: `rolesanywhere`, `sts`, `iam`.
    public var service: String

    public init(date: String, region: String, service: String) {
        self.date = date
        self.region = region
        self.service = service
    }

    /// The scope for a request signed at `date`.
    public init(date: Date, region: String, service: String) {
        self.init(date: AmzDate.dateStamp(date), region: region, service: service)
    }

    /// `date/region/service/aws4_request`.
    public var formatted: String { "\(date)/\(region)/\(service)/\(CredentialScope.terminator)" }

    public var description: String { formatted }
}
