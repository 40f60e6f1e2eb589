/// A JSON value as IAM needs to see it.
///
/// Foundation's `JSONSerialization` turns numbers into `NSNumber` (so `10`, `10.0` and `true` blur
/// together) and silently keeps one of two duplicate keys. IAM normalises condition values to strings,
/// so the literal text of a number must survive, and a policy with an ambiguous duplicate key must be
/// rejected rather than guessed at.
enum JSONValue: Sendable, Equatable {
    case string(String)
    /// The number exactly as written, e.g. `"10"`, `"1.50"`, `"1e3"`.
    case number(String)
    case bool(Bool)
    case null
    case array([JSONValue])
    /// Members in document order; keys are unique (the parser rejects duplicates).
    case object([JSONMember])

    /// A short name for messages ("a string", "an object").
    var kindDescription: String {
        switch self {
        case .string: return "a string"
        case .number: return "a number"
        case .bool: return "a boolean"
        case .null: return "null"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

/// One `"key": value` pair of a JSON object.
struct JSONMember: Sendable, Equatable {
    let key: String
    let value: JSONValue
}
