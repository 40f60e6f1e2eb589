/// The stack-level values CloudFormation provides under `AWS::` names.
public struct PseudoParameters: Sendable, Equatable {
    public var accountId: String
    public var region: String
    public var stackName: String
    public var stackId: String
    public var partition: String
    public var urlSuffix: String
    public var notificationARNs: [String]

    public init(accountId: String, region: String, stackName: String, stackId: String, partition: String = "aws",
                urlSuffix: String = "amazonaws.com", notificationARNs: [String] = []) {
        self.accountId = accountId
        self.region = region
        self.stackName = stackName
        self.stackId = stackId
        self.partition = partition
        self.urlSuffix = urlSuffix
        self.notificationARNs = notificationARNs
    }

    /// The value of a pseudo parameter; nil both for unknown names and for `AWS::NoValue`,
    /// which callers handle first.
    func value(_ name: String) -> TemplateValue? {
        switch name {
        case "AWS::AccountId": .string(accountId)
        case "AWS::Region": .string(region)
        case "AWS::StackName": .string(stackName)
        case "AWS::StackId": .string(stackId)
        case "AWS::Partition": .string(partition)
        case "AWS::URLSuffix": .string(urlSuffix)
        case "AWS::NotificationARNs": .list(notificationARNs.map { .string($0) })
        default: nil
        }
    }
}
