/// Why a policy document was rejected.
///
/// `message` is worded the way IAM words `MalformedPolicyDocument`, so the wire answer looks like
/// AWS's and scripts that grep for it keep working. `detail` says exactly what to fix (element,
/// position); it is for the operator and the audit trail and is never needed to decide anything.
/// Policy documents hold no secrets, so quoting their text here is safe.
public struct PolicyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of problem, stable for callers and tests; messages may be reworded.
    public enum Code: String, Sendable, Equatable {
        case syntax
        case version
        case effect
        case principal
        case action
        case resource
        case condition
        case missingField
        case prohibitedField
        case duplicateSid
    }

    /// What to branch on; `message` and `detail` are for people.
    public let code: Code
    /// IAM-style text suitable for the `MalformedPolicyDocument` wire error.
    public let message: String
    /// What exactly is wrong and where, for logs and the audit trail.
    public let detail: String?

    init(_ code: Code, _ message: String, detail: String? = nil) {
        self.code = code
        self.message = message
        self.detail = detail
    }

    /// Message and detail together, for logs.
    public var description: String {
        guard let detail else { return message }
        return "\(message) (\(detail))"
    }

    // MARK: - Factories (one per IAM message)

    static func syntax(_ detail: String) -> PolicyError {
        PolicyError(.syntax, "Syntax errors in policy.", detail: detail)
    }

    static func version(_ value: String) -> PolicyError {
        PolicyError(.version, "Invalid Version: \(value). Policy document must be version 2012-10-17 or 2008-10-17.")
    }

    static func effect(_ value: String) -> PolicyError {
        PolicyError(.effect, "Invalid effect: \(value). Effect must be Allow or Deny.")
    }

    static func principal(_ type: String, _ value: String) -> PolicyError {
        PolicyError(.principal, "Invalid principal in policy: \"\(type)\":\"\(value)\"")
    }

    static func vendorPrefix(_ value: String) -> PolicyError {
        PolicyError(.action, "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.",
                    detail: "\"\(value)\" has no vendor prefix")
    }

    static func singleColon(_ value: String) -> PolicyError {
        PolicyError(.action, "Actions/Condition can contain only one colon.", detail: "\"\(value)\"")
    }

    static func resource(_ value: String) -> PolicyError {
        PolicyError(.resource, "Resource \(value) must be in ARN format or \"*\".")
    }

    static let missingActions = PolicyError(.missingField, "Policy statement must contain actions.")
    static let missingResources = PolicyError(.missingField, "Policy statement must contain resources.")
    static let missingEffect = PolicyError(.missingField, "Missing required field Effect.")
    static let missingPrincipal = PolicyError(.missingField, "Missing required field Principal.")
    static let principalNotAllowed = PolicyError(.prohibitedField,
                                                 "Policy document should not specify a principal.")

    static func prohibitedField(_ name: String) -> PolicyError {
        PolicyError(.prohibitedField, "Has prohibited field \(name).")
    }

    static let duplicateSid = PolicyError(.duplicateSid, "Statement IDs (SID) in a single policy must be unique.")

    static func conditionType(_ name: String) -> PolicyError {
        PolicyError(.condition, "Invalid Condition type : \(name).")
    }

    static func conditionValue(_ operatorName: String, _ key: String, _ value: String, _ expected: String) -> PolicyError {
        PolicyError(.condition, "Invalid Condition value for \(operatorName) \(key): \(value).",
                    detail: "expected \(expected)")
    }
}
