import Foundation
import Testing
@testable import RAPolicy

/// Builders shared by the policy tests, so each table row states only what it is about.
enum PolicyTestSupport {
    static let role = "arn:aws:iam::123456789012:role/workload"

    /// A one-statement identity policy allowing `test:Do` on everything under `condition`
    /// (a JSON object body such as `"StringEquals": {"test:key": "a"}`).
    static func conditionPolicy(_ condition: String) throws -> PolicyDocument {
        try PolicyDocument.parse("""
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "test:Do", "Resource": "*",
             "Condition": {\(condition)}}}
            """)
    }

    /// Whether a single `operator` / `test:key` / `values` condition holds for `value` under that key.
    static func holds(_ operatorName: String, _ values: String, _ value: ContextValue?) throws -> Bool {
        let policy = try conditionPolicy("\"\(operatorName)\": {\"test:key\": \(values)}")
        var keys: [String: ContextValue] = [:]
        if let value { keys["test:key"] = value }
        let context = RequestContext(principal: nil, action: "test:Do", resource: role, keys: keys)
        return PolicyEvaluator.evaluate([policy], in: context) == .allow
    }

    static func date(_ seconds: Double) -> Date {
        Date(timeIntervalSince1970: seconds)
    }
}

/// One row of an operator table: operator, policy values (JSON), request value, expected result.
struct ConditionCase: Sendable, CustomTestStringConvertible {
    let operatorName: String
    let values: String
    let value: ContextValue?
    let expected: Bool

    init(_ operatorName: String, _ values: String, _ value: ContextValue?, _ expected: Bool) {
        self.operatorName = operatorName
        self.values = values
        self.value = value
        self.expected = expected
    }

    var testDescription: String {
        "\(operatorName) \(values) vs \(value.map { "\($0)" } ?? "absent") → \(expected)"
    }
}

