import Testing
@testable import RAWire

/// ARN parsing with Go's `aws/arn` semantics and error texts.
struct ARNTests {
    @Test("valid ARNs", arguments: [
        ("arn:aws:iam::111122223333:role/Workload", ["aws", "iam", "", "111122223333", "role/Workload"]),
        ("arn:aws:rolesanywhere:us-east-2:111122223333:trust-anchor/5c2e9f7a",
         ["aws", "rolesanywhere", "us-east-2", "111122223333", "trust-anchor/5c2e9f7a"]),
        ("arn:aws-cn:s3:::bucket/key:with:colons", ["aws-cn", "s3", "", "", "bucket/key:with:colons"]),
        ("arn:::::", ["", "", "", "", ""]),
        ("arn:aws:sts::111122223333:assumed-role/R/session",
         ["aws", "sts", "", "111122223333", "assumed-role/R/session"]),
    ])
    func valid(text: String, parts: [String]) throws {
        let arn = try ARN(parsing: text)
        #expect([arn.partition, arn.service, arn.region, arn.account, arn.resource] == parts)
        #expect(arn.description == text)
    }

    @Test("invalid ARNs", arguments: [
        ("", "arn: invalid prefix"),
        ("ARN:aws:iam::1:role/x", "arn: invalid prefix"),
        ("aws:iam::1:role/x", "arn: invalid prefix"),
        ("arn:aws:iam::1", "arn: not enough sections"),
        ("arn:aws:iam:", "arn: not enough sections"),
        ("arn:", "arn: not enough sections"),
    ])
    func invalid(text: String, message: String) {
        #expect(throws: WireError.validation(message)) { try ARN(parsing: text) }
    }
}
