/// The XML namespace a query-protocol service stamps on its documents; SDK parsers ignore it,
/// but scripts that use XPath with namespaces do not.
public struct QueryProtocolNamespace: RawRepresentable, Sendable, Hashable {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// STS, API version 2011-06-15.
    public static let sts = QueryProtocolNamespace(rawValue: "https://sts.amazonaws.com/doc/2011-06-15/")
    /// IAM, API version 2010-05-08.
    public static let iam = QueryProtocolNamespace(rawValue: "https://iam.amazonaws.com/doc/2010-05-08/")
}
