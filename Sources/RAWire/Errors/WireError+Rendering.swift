/// The two shapes AWS errors take on the wire: rest-json (Roles Anywhere) and query/XML (STS, IAM).
extension WireError {
    /// rest-json rendering: the Go SDK reads the code from `X-Amzn-ErrorType` first and from
    /// `__type` otherwise, so both are sent.
    /// - Parameter requestID: echoed in `x-amzn-RequestId` for correlation with the audit log.
    public func renderedAsJSON(requestID: String) -> RenderedResponse {
        let body = JSONValue.object([("__type", .string(code)), ("message", .string(message))])
        return RenderedResponse(
            status: status,
            headers: [("Content-Type", "application/json"), ("X-Amzn-ErrorType", code),
                      ("x-amzn-RequestId", requestID)],
            body: body.bytes())
    }

    /// Query-protocol rendering (`<ErrorResponse>`), with `Sender` for 4xx and `Receiver` for 5xx.
    /// - Parameters:
    ///   - namespace: the service's XML namespace (`.sts` or `.iam`).
    ///   - requestID: written into `<RequestId>` and `x-amzn-RequestId`.
    public func renderedAsXML(namespace: QueryProtocolNamespace, requestID: String) -> RenderedResponse {
        let fault = isSenderFault ? "Sender" : "Receiver"
        let xml = "<ErrorResponse xmlns=\"\(XMLText.escape(namespace.rawValue))\"><Error>"
            + "<Type>\(fault)</Type><Code>\(XMLText.escape(code))</Code>"
            + "<Message>\(XMLText.escape(message))</Message></Error>"
            + "<RequestId>\(XMLText.escape(requestID))</RequestId></ErrorResponse>"
        return RenderedResponse(
            status: status,
            headers: [("Content-Type", "text/xml"), ("x-amzn-RequestId", requestID)],
            body: Array(xml.utf8))
    }
}
