import Foundation
import Testing
@testable import RAPolicy

/// One table per operator family: a matching row, a non-matching row and an absent-key row each.
@Suite("Condition operators")
struct ConditionOperatorTests {
    static let stringCases: [ConditionCase] = [
        ConditionCase("StringEquals", "\"a\"", .string("a"), true),
        ConditionCase("StringEquals", "\"a\"", .string("A"), false),
        ConditionCase("StringEquals", "[\"a\", \"b\"]", .string("b"), true),
        ConditionCase("StringEquals", "\"a*\"", .string("abc"), false),
        ConditionCase("StringEquals", "\"a*\"", .string("a*"), true),
        ConditionCase("StringEquals", "10", .number(10), true),
        ConditionCase("StringEquals", "true", .bool(true), true),
        ConditionCase("StringEquals", "\"a\"", nil, false),
        ConditionCase("StringNotEquals", "\"a\"", .string("a"), false),
        ConditionCase("StringNotEquals", "\"a\"", .string("b"), true),
        ConditionCase("StringNotEquals", "[\"a\", \"b\"]", .string("b"), false),
        ConditionCase("StringNotEquals", "[\"a\", \"b\"]", .string("c"), true),
        ConditionCase("StringNotEquals", "\"a\"", nil, true),
        ConditionCase("StringEqualsIgnoreCase", "\"DataCenter\"", .string("DATACENTER"), true),
        ConditionCase("StringEqualsIgnoreCase", "\"DataCenter\"", .string("DataCentre"), false),
        ConditionCase("StringEqualsIgnoreCase", "\"DataCenter\"", nil, false),
        ConditionCase("StringNotEqualsIgnoreCase", "\"DataCenter\"", .string("datacenter"), false),
        ConditionCase("StringNotEqualsIgnoreCase", "\"DataCenter\"", .string("Ops"), true),
        ConditionCase("StringNotEqualsIgnoreCase", "\"DataCenter\"", nil, true),
        ConditionCase("StringLike", "\"data-*\"", .string("data-center"), true),
        ConditionCase("StringLike", "\"data-*\"", .string("data-"), true),
        ConditionCase("StringLike", "\"data-?\"", .string("data-ab"), false),
        ConditionCase("StringLike", "\"data-??\"", .string("data-ab"), true),
        ConditionCase("StringLike", "\"Data*\"", .string("data"), false),
        ConditionCase("StringLike", "\"*.example.com\"", .string("host.example.com"), true),
        ConditionCase("StringLike", "\"*.example.com\"", .string("example.com"), false),
        ConditionCase("StringLike", "\"data-*\"", nil, false),
        ConditionCase("StringNotLike", "\"data-*\"", .string("data-x"), false),
        ConditionCase("StringNotLike", "[\"data-*\", \"ops-*\"]", .string("ops-1"), false),
        ConditionCase("StringNotLike", "[\"data-*\", \"ops-*\"]", .string("dev-1"), true),
        ConditionCase("StringNotLike", "\"data-*\"", nil, true),
    ]

    @Test(arguments: stringCases)
    func stringOperators(_ row: ConditionCase) throws {
        #expect(try PolicyTestSupport.holds(row.operatorName, row.values, row.value) == row.expected)
    }

    static let numericCases: [ConditionCase] = [
        ConditionCase("NumericEquals", "\"10\"", .number(10), true),
        ConditionCase("NumericEquals", "10", .string("10.0"), true),
        ConditionCase("NumericEquals", "\"10\"", .number(11), false),
        ConditionCase("NumericEquals", "\"10\"", .string("ten"), false),
        ConditionCase("NumericEquals", "\"10\"", nil, false),
        ConditionCase("NumericNotEquals", "\"10\"", .number(11), true),
        ConditionCase("NumericNotEquals", "\"10\"", .number(10), false),
        ConditionCase("NumericNotEquals", "\"10\"", nil, true),
        ConditionCase("NumericLessThan", "10", .number(9), true),
        ConditionCase("NumericLessThan", "10", .number(10), false),
        ConditionCase("NumericLessThan", "10", nil, false),
        ConditionCase("NumericLessThanEquals", "10", .number(10), true),
        ConditionCase("NumericLessThanEquals", "10", .number(10.5), false),
        ConditionCase("NumericLessThanEquals", "10", nil, false),
        ConditionCase("NumericGreaterThan", "10", .number(11), true),
        ConditionCase("NumericGreaterThan", "10", .number(10), false),
        ConditionCase("NumericGreaterThan", "10", nil, false),
        ConditionCase("NumericGreaterThanEquals", "-1.5", .number(-1.5), true),
        ConditionCase("NumericGreaterThanEquals", "10", .string("9"), false),
        ConditionCase("NumericGreaterThanEquals", "10", nil, false),
    ]

    @Test(arguments: numericCases)
    func numericOperators(_ row: ConditionCase) throws {
        #expect(try PolicyTestSupport.holds(row.operatorName, row.values, row.value) == row.expected)
    }

    /// 2024-05-01T00:00:00Z is 1714521600 seconds after the epoch.
    static let dateCases: [ConditionCase] = [
        ConditionCase("DateEquals", "\"2024-05-01T00:00:00Z\"", .date(PolicyTestSupport.date(1_714_521_600)), true),
        ConditionCase("DateEquals", "\"2024-05-01\"", .string("2024-05-01T02:00:00+02:00"), true),
        ConditionCase("DateEquals", "\"1714521600\"", .number(1_714_521_600), true),
        ConditionCase("DateEquals", "\"2024-05-01T00:00:00Z\"", .date(PolicyTestSupport.date(1_714_521_601)), false),
        ConditionCase("DateEquals", "\"2024-05-01T00:00:00Z\"", nil, false),
        ConditionCase("DateNotEquals", "\"2024-05-01T00:00:00Z\"", .string("2024-05-02T00:00:00Z"), true),
        ConditionCase("DateNotEquals", "\"2024-05-01T00:00:00Z\"", .number(1_714_521_600), false),
        ConditionCase("DateNotEquals", "\"2024-05-01T00:00:00Z\"", nil, true),
        ConditionCase("DateLessThan", "\"2024-05-01\"", .string("2024-04-30T23:59:59Z"), true),
        ConditionCase("DateLessThan", "\"2024-05-01\"", .string("2024-05-01T00:00:00.000Z"), false),
        ConditionCase("DateLessThan", "\"2024-05-01\"", nil, false),
        ConditionCase("DateLessThanEquals", "\"2024-05-01\"", .date(PolicyTestSupport.date(1_714_521_600)), true),
        ConditionCase("DateLessThanEquals", "\"2024-05-01\"", .date(PolicyTestSupport.date(1_714_521_600.5)), false),
        ConditionCase("DateLessThanEquals", "\"2024-05-01\"", nil, false),
        ConditionCase("DateGreaterThan", "\"1714521600\"", .string("2024-05-01T00:00:01Z"), true),
        ConditionCase("DateGreaterThan", "\"1714521600\"", .string("2024-05-01T00:00:00Z"), false),
        ConditionCase("DateGreaterThan", "\"1714521600\"", .string("not a date"), false),
        ConditionCase("DateGreaterThan", "\"1714521600\"", nil, false),
        ConditionCase("DateGreaterThanEquals", "\"2024-05-01T00:00:00Z\"", .number(1_714_521_600), true),
        ConditionCase("DateGreaterThanEquals", "\"2024-05-01T00:00:00Z\"", .number(1_714_521_599), false),
        ConditionCase("DateGreaterThanEquals", "\"2024-05-01T00:00:00Z\"", nil, false),
    ]

    @Test(arguments: dateCases)
    func dateOperators(_ row: ConditionCase) throws {
        #expect(try PolicyTestSupport.holds(row.operatorName, row.values, row.value) == row.expected)
    }

    static let otherCases: [ConditionCase] = [
        ConditionCase("Bool", "\"true\"", .bool(true), true),
        ConditionCase("Bool", "true", .string("TRUE"), true),
        ConditionCase("Bool", "\"false\"", .bool(true), false),
        ConditionCase("Bool", "\"true\"", .string("yes"), false),
        ConditionCase("Bool", "\"true\"", nil, false),
        ConditionCase("BinaryEquals", "\"QmluYXJ5\"", .string("QmluYXJ5"), true),
        ConditionCase("BinaryEquals", "\"QmluYXJ5\"", .string("T3RoZXI="), false),
        ConditionCase("BinaryEquals", "\"QmluYXJ5\"", nil, false),
        ConditionCase("IpAddress", "\"203.0.113.0/24\"", .string("203.0.113.7"), true),
        ConditionCase("IpAddress", "\"203.0.113.0/24\"", .string("198.51.100.1"), false),
        ConditionCase("IpAddress", "[\"198.51.100.0/24\", \"203.0.113.0/24\"]", .string("203.0.113.200"), true),
        ConditionCase("IpAddress", "\"10.0.0.1\"", .string("10.0.0.1"), true),
        ConditionCase("IpAddress", "\"10.0.0.1\"", .string("10.0.0.2"), false),
        ConditionCase("IpAddress", "\"2001:db8::/32\"", .string("2001:db8:1::1"), true),
        ConditionCase("IpAddress", "\"2001:db8::/32\"", .string("2001:db9::1"), false),
        ConditionCase("IpAddress", "\"203.0.113.0/24\"", .string("::ffff:203.0.113.9"), true),
        ConditionCase("IpAddress", "\"0.0.0.0/0\"", .string("not-an-ip"), false),
        ConditionCase("IpAddress", "\"203.0.113.0/24\"", nil, false),
        ConditionCase("NotIpAddress", "\"203.0.113.0/24\"", .string("198.51.100.1"), true),
        ConditionCase("NotIpAddress", "\"203.0.113.0/24\"", .string("203.0.113.7"), false),
        ConditionCase("NotIpAddress", "\"203.0.113.0/24\"", nil, true),
        ConditionCase("Null", "\"true\"", nil, true),
        ConditionCase("Null", "\"true\"", .string("x"), false),
        ConditionCase("Null", "\"true\"", .strings([]), true),
        ConditionCase("Null", "\"false\"", .string("x"), true),
        ConditionCase("Null", "false", nil, false),
    ]

    @Test(arguments: otherCases)
    func boolBinaryIPAndNullOperators(_ row: ConditionCase) throws {
        #expect(try PolicyTestSupport.holds(row.operatorName, row.values, row.value) == row.expected)
    }

    static let anchor = "arn:aws:rolesanywhere:us-east-1:123456789012:trust-anchor/"
    static let arnCases: [ConditionCase] = [
        ConditionCase("ArnEquals", "\"\(anchor)abc\"", .string("\(anchor)abc"), true),
        ConditionCase("ArnEquals", "\"\(anchor)*\"", .string("\(anchor)abc"), true),
        ConditionCase("ArnEquals", "\"\(anchor)abc\"", .string("\(anchor)abd"), false),
        ConditionCase("ArnEquals", "\"\(anchor)abc\"", nil, false),
        ConditionCase("ArnLike", "\"arn:aws:iam::*:role/R\"", .string("arn:aws:iam::123456789012:role/R"), true),
        ConditionCase("ArnLike", "\"arn:aws:iam::*:role/R\"", .string("arn:aws:iam::123456789012:role/R2"), false),
        // Component-wise: the account wildcard cannot swallow the colon before the resource.
        ConditionCase("ArnLike", "\"arn:aws:iam::*:role/R\"", .string("arn:aws:iam::1:2:role/R"), false),
        ConditionCase("ArnLike", "\"arn:aws:s3:::*\"", .string("arn:aws:s3:us-east-1::bucket"), false),
        ConditionCase("ArnLike", "\"arn:aws:logs:*:*:log-group:*\"",
                      .string("arn:aws:logs:us-east-1:123456789012:log-group:app:stream"), true),
        ConditionCase("ArnLike", "\"arn:aws:iam::*:role/R\"", .string("not-an-arn"), false),
        ConditionCase("ArnLike", "\"arn:aws:iam::*:role/R\"", nil, false),
        ConditionCase("ArnNotEquals", "\"\(anchor)abc\"", .string("\(anchor)xyz"), true),
        ConditionCase("ArnNotEquals", "\"\(anchor)abc\"", .string("\(anchor)abc"), false),
        ConditionCase("ArnNotEquals", "\"\(anchor)abc\"", nil, true),
        ConditionCase("ArnNotLike", "\"\(anchor)a*\"", .string("\(anchor)b"), true),
        ConditionCase("ArnNotLike", "\"\(anchor)a*\"", .string("\(anchor)abc"), false),
        ConditionCase("ArnNotLike", "\"\(anchor)a*\"", nil, true),
    ]

    @Test(arguments: arnCases)
    func arnOperators(_ row: ConditionCase) throws {
        #expect(try PolicyTestSupport.holds(row.operatorName, row.values, row.value) == row.expected)
    }

    static let ifExistsCases: [ConditionCase] = [
        ConditionCase("StringEqualsIfExists", "\"a\"", nil, true),
        ConditionCase("StringEqualsIfExists", "\"a\"", .string("a"), true),
        ConditionCase("StringEqualsIfExists", "\"a\"", .string("b"), false),
        ConditionCase("StringNotEqualsIfExists", "\"a\"", .string("a"), false),
        ConditionCase("StringNotEqualsIfExists", "\"a\"", nil, true),
        ConditionCase("StringLikeIfExists", "\"a*\"", .string("b"), false),
        ConditionCase("NumericLessThanIfExists", "10", nil, true),
        ConditionCase("NumericLessThanIfExists", "10", .number(20), false),
        ConditionCase("DateGreaterThanIfExists", "\"2024-05-01\"", nil, true),
        ConditionCase("BoolIfExists", "\"false\"", nil, true),
        ConditionCase("BoolIfExists", "\"false\"", .bool(true), false),
        ConditionCase("IpAddressIfExists", "\"10.0.0.0/8\"", nil, true),
        ConditionCase("ArnLikeIfExists", "\"arn:aws:iam::*:role/R\"", nil, true),
        ConditionCase("ArnLikeIfExists", "\"arn:aws:iam::*:role/R\"", .string("arn:aws:iam::1:role/X"), false),
    ]

    @Test(arguments: ifExistsCases)
    func ifExistsTreatsAnAbsentKeyAsSatisfied(_ row: ConditionCase) throws {
        #expect(try PolicyTestSupport.holds(row.operatorName, row.values, row.value) == row.expected)
    }

    static let setCases: [ConditionCase] = [
        ConditionCase("ForAnyValue:StringEquals", "[\"a\", \"b\"]", .strings(["x", "a"]), true),
        ConditionCase("ForAnyValue:StringEquals", "[\"a\", \"b\"]", .strings(["x", "y"]), false),
        ConditionCase("ForAnyValue:StringEquals", "[\"a\", \"b\"]", .strings(["b"]), true),
        ConditionCase("ForAnyValue:StringEquals", "[\"a\", \"b\"]", .string("a"), true),
        ConditionCase("ForAnyValue:StringEquals", "[\"a\", \"b\"]", .strings([]), false),
        ConditionCase("ForAnyValue:StringEquals", "[\"a\", \"b\"]", nil, false),
        ConditionCase("ForAnyValue:StringEqualsIfExists", "\"a\"", nil, true),
        ConditionCase("ForAnyValue:StringNotEquals", "\"a\"", .strings(["a", "b"]), true),
        ConditionCase("ForAnyValue:StringNotEquals", "\"a\"", .strings(["a"]), false),
        ConditionCase("ForAnyValue:StringNotEquals", "\"a\"", nil, false),
        ConditionCase("ForAnyValue:StringLike", "\"team-*\"", .strings(["ops", "team-x"]), true),
        ConditionCase("ForAllValues:StringEquals", "[\"a\", \"b\"]", .strings(["a", "b"]), true),
        ConditionCase("ForAllValues:StringEquals", "[\"a\", \"b\"]", .strings(["a"]), true),
        ConditionCase("ForAllValues:StringEquals", "[\"a\", \"b\"]", .strings(["a", "c"]), false),
        ConditionCase("ForAllValues:StringEquals", "[\"a\", \"b\"]", .strings([]), true),
        ConditionCase("ForAllValues:StringEquals", "[\"a\", \"b\"]", nil, true),
        ConditionCase("ForAllValues:StringNotEquals", "[\"a\", \"b\"]", .strings(["c", "d"]), true),
        ConditionCase("ForAllValues:StringNotEquals", "[\"a\", \"b\"]", .strings(["c", "a"]), false),
        ConditionCase("ForAllValues:StringLike", "[\"x509*\"]", .strings(["x509Subject", "x509SAN"]), true),
        ConditionCase("ForAllValues:StringLike", "[\"x509*\"]", .strings(["x509Subject", "team"]), false),
        ConditionCase("forallvalues:stringequals", "\"a\"", .strings(["a"]), true),
        // Plain operators on a multi-valued key: "any value matches", and the negation of that.
        ConditionCase("StringEquals", "\"a\"", .strings(["x", "a"]), true),
        ConditionCase("StringEquals", "\"a\"", .strings([]), false),
        ConditionCase("StringNotEquals", "\"a\"", .strings(["x", "a"]), false),
        ConditionCase("StringNotEquals", "\"a\"", .strings(["x", "y"]), true),
    ]

    @Test(arguments: setCases)
    func setQualifiersOverMultiValuedKeys(_ row: ConditionCase) throws {
        #expect(try PolicyTestSupport.holds(row.operatorName, row.values, row.value) == row.expected)
    }

    @Test func keysInOneBlockAndBlocksAreAllRequired() throws {
        let policy = try PolicyTestSupport.conditionPolicy("""
            "StringEquals": {"test:a": "1", "test:b": "2"}, "Bool": {"test:c": "true"}
            """)
        func decide(_ keys: [String: ContextValue]) -> Decision {
            PolicyEvaluator.evaluate([policy], in: RequestContext(principal: nil, action: "test:Do",
                                                                   resource: PolicyTestSupport.role, keys: keys))
        }
        #expect(decide(["test:a": .string("1"), "test:b": .string("2"), "test:c": .bool(true)]) == .allow)
        #expect(decide(["test:a": .string("1"), "test:b": .string("3"), "test:c": .bool(true)]) == .implicitDeny)
        #expect(decide(["test:a": .string("1"), "test:b": .string("2"), "test:c": .bool(false)]) == .implicitDeny)
        #expect(decide(["test:a": .string("1"), "test:c": .bool(true)]) == .implicitDeny)
    }

    @Test func conditionKeyNamesAreCaseInsensitive() throws {
        let policy = try PolicyTestSupport.conditionPolicy("""
            "StringEquals": {"aws:principaltag/X509SUBJECT/ou": "Ops"}
            """)
        let context = RequestContext(principal: nil, action: "test:Do", resource: PolicyTestSupport.role,
                                     keys: ["aws:PrincipalTag/x509Subject/OU": .string("Ops")])
        #expect(PolicyEvaluator.evaluate([policy], in: context) == .allow)
        #expect(context.value(forKey: "AWS:PRINCIPALTAG/X509SUBJECT/OU") == .string("Ops"))
    }
}
