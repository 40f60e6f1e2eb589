/// A successful query-protocol answer: the parsed document and how it was obtained.
public struct QueryResponse: Sendable {
    /// The document element, e.g. `AssumeRoleResponse`.
    public var root: XMLResponseElement
    /// From `ResponseMetadata/RequestId`, else the `x-amzn-RequestId` header.
    public var requestId: String?
    /// Attempts it took, the first included.
    public var attempts: Int

    public init(root: XMLResponseElement, requestId: String?, attempts: Int) {
        self.root = root
        self.requestId = requestId
        self.attempts = attempts
    }

    /// The `<Action>Result` element, where the query protocol puts the answer.
    public func result(of action: String) -> XMLResponseElement? {
        root.child(action + "Result")
    }
}
