import Testing
@testable import RAPolicy

@Suite("Parsing policy documents")
struct PolicyParsingTests {
    static let minimalStatement = #"{"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "*"}"#

    @Test func acceptsStatementAsObjectOrArrayAndKeepsTheOriginalText() throws {
        let single = "{\"Version\": \"2012-10-17\", \"Statement\": \(Self.minimalStatement)}"
        let array = "{\"Version\":\"2012-10-17\",\"Id\":\"P1\",\"Statement\":[\(Self.minimalStatement),"
            + #"{"Sid":"Two","Effect":"Deny","NotAction":["s3:*"],"NotResource":"arn:aws:s3:::b/*"}]}"#
        let first = try PolicyDocument.parse(single)
        let second = try PolicyDocument.parse(Array(array.utf8))
        #expect(first.json == single)
        #expect(first.version == .v2012_10_17)
        #expect(first.statements.count == 1)
        #expect(first.statements[0].effect == .allow)
        #expect(first.statements[0].sid == nil)
        #expect(second.json == array)
        #expect(second.id == "P1")
        #expect(second.statements.map(\.sid) == [nil, "Two"])
        #expect(second.statements.map(\.effect) == [.allow, .deny])
    }

    @Test func versionDefaultsToTheLegacyLanguage() throws {
        let legacy = try PolicyDocument.parse("{\"Statement\": \(Self.minimalStatement)}")
        let explicit = try PolicyDocument.parse("{\"Version\": \"2008-10-17\", \"Statement\": \(Self.minimalStatement)}")
        #expect(legacy.version == .v2008_10_17)
        #expect(explicit.version == .v2008_10_17)
    }

    @Test func numbersAndBooleansInConditionsBecomeText() throws {
        let policy = try PolicyDocument.parse("""
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "a:b", "Resource": "*",
             "Condition": {"StringEquals": {"test:n": [10, 1.50], "test:b": false}}}}
            """)
        let clauses = policy.statements[0].conditions
        #expect(clauses.map(\.key) == ["test:n", "test:b"])
        #expect(clauses[0].values.map(\.source) == ["10", "1.50"])
        #expect(clauses[1].values.map(\.source) == ["false"])
    }

    @Test func byteOrderMarkIsTolerated() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("{\"Statement\": \(Self.minimalStatement)}".utf8)
        let policy = try PolicyDocument.parse(bytes)
        #expect(policy.json == "{\"Statement\": \(Self.minimalStatement)}")
    }

    struct MalformedCase: Sendable, CustomTestStringConvertible {
        let name: String
        let json: String
        let kind: PolicyKind
        let code: PolicyError.Code
        let message: String

        init(_ name: String, _ json: String, kind: PolicyKind = .any, _ code: PolicyError.Code, _ message: String) {
            self.name = name
            self.json = json
            self.kind = kind
            self.code = code
            self.message = message
        }

        var testDescription: String { name }
    }

    static func doc(_ statement: String, version: String = "2012-10-17") -> String {
        "{\"Version\": \"\(version)\", \"Statement\": \(statement)}"
    }

    static let malformed: [MalformedCase] = [
        MalformedCase("bad JSON", #"{"Version": "2012-10-17", "Statement": {"Effect": "Allow",}}"#,
                      .syntax, "Syntax errors in policy."),
        MalformedCase("not an object", "[]", .syntax, "Syntax errors in policy."),
        MalformedCase("trailing garbage", doc(minimalStatement) + "x", .syntax, "Syntax errors in policy."),
        MalformedCase("duplicate key", #"{"Statement": {"Effect": "Allow", "Effect": "Deny", "Action": "*"}}"#,
                      .syntax, "Syntax errors in policy."),
        MalformedCase("unknown top-level element", "{\"Statment\": \(minimalStatement)}",
                      .syntax, "Syntax errors in policy."),
        MalformedCase("missing Statement", #"{"Version": "2012-10-17"}"#, .syntax, "Syntax errors in policy."),
        MalformedCase("empty Statement array", doc("[]"), .syntax, "Syntax errors in policy."),
        MalformedCase("unknown statement element", doc(#"{"Effect": "Allow", "Action": "*", "Resources": "*"}"#),
                      .syntax, "Syntax errors in policy."),
        MalformedCase("Action and NotAction", doc(#"{"Effect": "Allow", "Action": "*", "NotAction": "s3:*"}"#),
                      .syntax, "Syntax errors in policy."),
        MalformedCase("Action holds a number", doc(#"{"Effect": "Allow", "Action": [1]}"#),
                      .syntax, "Syntax errors in policy."),
        MalformedCase("bad Version", doc(minimalStatement, version: "2012-10-18"),
                      .version, "Invalid Version: 2012-10-18. Policy document must be version 2012-10-17 or 2008-10-17."),
        MalformedCase("bad Effect", doc(#"{"Effect": "allow", "Action": "*"}"#),
                      .effect, "Invalid effect: allow. Effect must be Allow or Deny."),
        MalformedCase("missing Effect", doc(#"{"Action": "*"}"#), .missingField, "Missing required field Effect."),
        MalformedCase("missing Action", doc(#"{"Effect": "Allow", "Resource": "*"}"#),
                      .missingField, "Policy statement must contain actions."),
        MalformedCase("empty Action", doc(#"{"Effect": "Allow", "Action": []}"#),
                      .missingField, "Policy statement must contain actions."),
        MalformedCase("action without vendor", doc(#"{"Effect": "Allow", "Action": "AssumeRole"}"#),
                      .action, "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc."),
        MalformedCase("action with two colons", doc(#"{"Effect": "Allow", "Action": "sts:a:b"}"#),
                      .action, "Actions/Condition can contain only one colon."),
        MalformedCase("resource not an ARN", doc(#"{"Effect": "Allow", "Action": "*", "Resource": "bucket"}"#),
                      .resource, "Resource bucket must be in ARN format or \"*\"."),
        MalformedCase("unknown operator", doc(#"""
            {"Effect": "Allow", "Action": "*", "Condition": {"StringEqualz": {"aws:x": "1"}}}
            """#), .condition, "Invalid Condition type : StringEqualz."),
        MalformedCase("Null with IfExists", doc(#"""
            {"Effect": "Allow", "Action": "*", "Condition": {"NullIfExists": {"aws:x": "true"}}}
            """#), .condition, "Invalid Condition type : NullIfExists."),
        MalformedCase("condition key without vendor", doc(#"""
            {"Effect": "Allow", "Action": "*", "Condition": {"StringEquals": {"username": "a"}}}
            """#), .action, "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc."),
        MalformedCase("condition value is an object", doc(#"""
            {"Effect": "Allow", "Action": "*", "Condition": {"StringEquals": {"aws:x": {"a": 1}}}}
            """#), .syntax, "Syntax errors in policy."),
        MalformedCase("numeric condition on text", doc(#"""
            {"Effect": "Allow", "Action": "*", "Condition": {"NumericLessThan": {"aws:x": "ten"}}}
            """#), .condition, "Invalid Condition value for NumericLessThan aws:x: ten."),
        MalformedCase("bad CIDR", doc(#"""
            {"Effect": "Allow", "Action": "*", "Condition": {"IpAddress": {"aws:SourceIp": "10.0.0.0/33"}}}
            """#), .condition, "Invalid Condition value for IpAddress aws:SourceIp: 10.0.0.0/33."),
        MalformedCase("principal with wildcard ARN", doc(#"""
            {"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"AWS": "arn:aws:iam::*:root"}}
            """#), .principal, "Invalid principal in policy: \"AWS\":\"arn:aws:iam::*:root\""),
        MalformedCase("principal of unknown type", doc(#"""
            {"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Robot": "r2d2"}}
            """#), .principal, "Invalid principal in policy: \"Robot\":\"r2d2\""),
        MalformedCase("principal as a bare ARN", doc(#"""
            {"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": "arn:aws:iam::123456789012:root"}
            """#), .syntax, "Syntax errors in policy."),
        MalformedCase("duplicate Sid", doc("[{\"Sid\": \"A\", \"Effect\": \"Allow\", \"Action\": \"*\"},"
                                           + "{\"Sid\": \"A\", \"Effect\": \"Deny\", \"Action\": \"*\"}]"),
                      .duplicateSid, "Statement IDs (SID) in a single policy must be unique."),
        MalformedCase("trust policy without Principal", doc(#"{"Effect": "Allow", "Action": "sts:AssumeRole"}"#),
                      kind: .trust, .missingField, "Missing required field Principal."),
        MalformedCase("trust policy with Resource", doc(#"""
            {"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": "*", "Resource": "*"}
            """#), kind: .trust, .prohibitedField, "Has prohibited field Resource."),
        MalformedCase("identity policy with Principal", doc(#"""
            {"Effect": "Allow", "Action": "s3:*", "Principal": "*", "Resource": "*"}
            """#), kind: .identity, .prohibitedField, "Policy document should not specify a principal."),
        MalformedCase("identity policy without Resource", doc(#"{"Effect": "Allow", "Action": "s3:*"}"#),
                      kind: .identity, .missingField, "Policy statement must contain resources."),
    ]

    @Test(arguments: malformed)
    func malformedDocumentsAreRejectedWithAnIAMStyleMessage(_ row: MalformedCase) {
        #expect {
            _ = try PolicyDocument.parse(row.json, kind: row.kind)
        } throws: { error in
            guard let error = error as? PolicyError else { return false }
            return error.code == row.code && error.message == row.message
        }
    }

    @Test func syntaxErrorsSayWhereTheProblemIs() {
        do {
            _ = try PolicyDocument.parse("{\n  \"Statement\": {\"Effect\": \"Allow\",}\n}")
            Issue.record("expected a syntax error")
        } catch {
            #expect(error.code == .syntax)
            #expect(error.detail == "expected a member name at line 2, column 35")
            #expect(error.description == "Syntax errors in policy. (expected a member name at line 2, column 35)")
        }
    }

    @Test func invalidUTF8IsASyntaxError() {
        #expect(throws: PolicyError.syntax("the document is not valid UTF-8")) {
            _ = try PolicyDocument.parse([0x7B, 0xFF, 0x7D])
        }
    }

    @Test func kindRulesAcceptWellPlacedDocuments() throws {
        let trust = try PolicyDocument.parse(Self.doc(#"""
            {"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Service": "rolesanywhere.amazonaws.com"}}
            """#), kind: .trust)
        let identity = try PolicyDocument.parse(Self.doc(Self.minimalStatement), kind: .identity)
        let resource = try PolicyDocument.parse(Self.doc(#"""
            {"Effect": "Allow", "Action": "s3:GetObject", "Principal": {"AWS": ["123456789012"]},
             "Resource": "arn:aws:s3:::b/*"}
            """#), kind: .resource)
        #expect(trust.statements[0].namesPrincipal)
        #expect(!identity.statements[0].namesPrincipal)
        #expect(resource.statements[0].namesPrincipal)
    }
}
