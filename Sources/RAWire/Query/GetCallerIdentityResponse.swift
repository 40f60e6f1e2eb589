/// STS `GetCallerIdentity` result in the query protocol's XML, as SDKs parse it.
public struct GetCallerIdentityResponse: Sendable, Hashable {
    public var arn: String
    public var userId: String
    public var account: String
    public var requestID: String

    public init(arn: String, userId: String, account: String, requestID: String) {
        self.arn = arn
        self.userId = userId
        self.account = account
        self.requestID = requestID
    }

    /// The document, compact, in STS's element order (Arn, UserId, Account).
    public var xml: String {
        "<GetCallerIdentityResponse xmlns=\"\(QueryProtocolNamespace.sts.rawValue)\"><GetCallerIdentityResult>"
            + "<Arn>\(XMLText.escape(arn))</Arn><UserId>\(XMLText.escape(userId))</UserId>"
            + "<Account>\(XMLText.escape(account))</Account></GetCallerIdentityResult>"
            + "<ResponseMetadata><RequestId>\(XMLText.escape(requestID))</RequestId></ResponseMetadata>"
            + "</GetCallerIdentityResponse>"
    }

    /// 200 with `text/xml` and `x-amzn-RequestId`.
    public func rendered() -> RenderedResponse {
        RenderedResponse(status: 200, headers: [("Content-Type", "text/xml"), ("x-amzn-RequestId", requestID)],
                         body: Array(xml.utf8))
    }
}
