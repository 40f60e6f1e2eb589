import Foundation

/// The value of one condition key in a request.
///
/// Typed cases let the server pass what it knows (a `Date` for `aws:CurrentTime`, a `Bool` for
/// `aws:SecureTransport`) without formatting it; each operator converts as IAM would.
public enum ContextValue: Sendable, Equatable {
    case string(String)
    /// A multi-valued key such as `aws:TagKeys`; use `ForAnyValue:`/`ForAllValues:` on it.
    case strings([String])
    case bool(Bool)
    case number(Double)
    case date(Date)

    /// The single values this key holds; empty for an empty multi-valued key.
    var elements: [ContextValue] {
        switch self {
        case .strings(let values): return values.map(ContextValue.string)
        default: return [self]
        }
    }

    /// How the value reads to string operators: numbers without a needless `.0`, dates in ISO 8601.
    var text: String {
        switch self {
        case .string(let value): return value
        case .strings(let values): return values.joined(separator: ",")
        case .bool(let value): return value ? "true" : "false"
        case .number(let value): return NumberFormatting.text(value)
        case .date(let value): return PolicyDate.iso8601(value.timeIntervalSince1970)
        }
    }

    /// The text substituted for `${key}`; nil for a multi-valued key, which IAM cannot substitute.
    var variableText: String? {
        switch self {
        case .strings(let values): return values.count == 1 ? values[0] : nil
        default: return text
        }
    }
}

/// Number-to-text rules shared by context values and explanations.
enum NumberFormatting {
    static func text(_ value: Double) -> String {
        if value.rounded() == value, abs(value) < 1e15 {
            return String(Int64(value))
        }
        return String(value)
    }
}
