/// The `ErrorResponse` document a query-protocol service answers a failure with.
///
/// AWS writes `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>`;
/// some compatible servers nest the error in `<Errors>`, so the first `Error` at any depth is taken.
struct QueryErrorResponse: Sendable, Equatable {
    var code: String
    var message: String?
    var requestId: String?

    init(code: String, message: String?, requestId: String?) {
        self.code = code
        self.message = message
        self.requestId = requestId
    }

    /// The error in `body`, or nil when it is not an error document with a code.
    init?(body: [UInt8]) {
        guard let root = try? XMLResponseReader.parse(body) else { return nil }
        let error = root.name == "Error" ? root : root.descendant("Error")
        guard let error, let code = error.child("Code")?.value, !code.isEmpty else { return nil }
        self.code = code
        let message = error.child("Message")?.value
        self.message = message?.isEmpty == false ? message : nil
        let requestId = root.descendant("RequestId")?.value ?? root.descendant("RequestID")?.value
        self.requestId = requestId?.isEmpty == false ? requestId : nil
    }
}
