/// An Amazon Resource Name, split the way Go's `aws/arn` package splits it.
///
/// `arn:partition:service:region:account:resource`; the resource keeps any further `:` or `/`.
/// Errors carry Go's exact texts (`arn: invalid prefix`, `arn: not enough sections`) because the
/// official helper prints them and users search for them.
public struct ARN: Sendable, Hashable, CustomStringConvertible {
    public var partition: String
    public var service: String
    /// Empty for global services such as IAM.
    public var region: String
    /// Twelve-digit account ID; empty for AWS-managed resources.
    public var account: String
    /// Everything after the fifth `:`, e.g. `role/admin` or `trust-anchor/<uuid>`.
    public var resource: String

    public init(partition: String, service: String, region: String, account: String, resource: String) {
        self.partition = partition
        self.service = service
        self.region = region
        self.account = account
        self.resource = resource
    }

    /// Parses `text`; like Go, any section may be empty.
    /// - Throws: `ValidationException` with message `arn: invalid prefix` or `arn: not enough sections`.
    public init(parsing text: String) throws(WireError) {
        guard text.hasPrefix("arn:") else { throw .validation("arn: invalid prefix") }
        let sections = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false).map(String.init)
        guard sections.count == 6 else { throw .validation("arn: not enough sections") }
        self.init(partition: sections[1], service: sections[2], region: sections[3], account: sections[4],
                  resource: sections[5])
    }

    /// The ARN text, `arn:partition:service:region:account:resource`.
    public var description: String {
        "arn:\(partition):\(service):\(region):\(account):\(resource)"
    }
}
