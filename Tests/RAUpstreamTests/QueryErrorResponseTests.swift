import Testing
@testable import RAUpstream

@Suite struct QueryErrorResponseTests {
    @Test func readsAWSShape() throws {
        let body = Array(STSDocuments.error(code: "AccessDenied", message: "User: arn:aws:iam::1:user/b is not authorized").utf8)
        let error = try #require(QueryErrorResponse(body: body))
        #expect(error == QueryErrorResponse(code: "AccessDenied", message: "User: arn:aws:iam::1:user/b is not authorized",
                                            requestId: "4f0a2c51-0000-4000-8000-000000000001"))
    }

    @Test func readsNestedErrorsShapeOfCompatibleServers() throws {
        let body = Array("""
            <?xml version="1.0" encoding="utf-8"?>
            <ErrorResponse><Errors><Error><Code>InvalidClientTokenId</Code><Message>The security token included in the request is invalid.</Message><Type>Sender</Type></Error></Errors></ErrorResponse>
            """.utf8)
        let error = try #require(QueryErrorResponse(body: body))
        #expect(error == QueryErrorResponse(code: "InvalidClientTokenId",
                                            message: "The security token included in the request is invalid.", requestId: nil))
    }

    @Test(arguments: ["", "<html>oops</html>", "<ErrorResponse><Error><Message>m</Message></Error></ErrorResponse>", "not xml"])
    func rejectsBodiesWithoutACode(body: String) {
        #expect(QueryErrorResponse(body: Array(body.utf8)) == nil)
    }
}
