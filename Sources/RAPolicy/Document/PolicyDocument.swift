/// A parsed, validated IAM policy: a role's trust policy, an identity policy, or a resource policy.
///
/// The original text is kept in `json` because IAM APIs hand the document back exactly as it was
/// stored (`GetRole`'s `AssumeRolePolicyDocument`); re-serialising would reorder keys and reformat
/// numbers. Parsing happens once, when the policy is stored; evaluation works on the parsed form.
public struct PolicyDocument: Sendable, Equatable {
    /// The document as submitted, minus a leading byte-order mark.
    public let json: String
    /// `2008-10-17` when the document has no `Version`, as in IAM; only `2012-10-17` substitutes
    /// policy variables.
    public let version: PolicyVersion
    /// The optional `Id` element, kept only so callers can show it; it has no effect.
    public let id: String?
    /// In document order, which is also the order of the evaluation's explanation lines.
    public let statements: [PolicyStatement]

    /// Parses and validates `json`; `kind` adds the rules of where the policy will be attached.
    public static func parse(_ json: String, kind: PolicyKind = .any) throws(PolicyError) -> PolicyDocument {
        try PolicyParser.parse(Array(json.utf8), kind: kind)
    }

    /// Parses raw bytes (e.g. a request body); they must be UTF-8.
    public static func parse(_ bytes: [UInt8], kind: PolicyKind = .any) throws(PolicyError) -> PolicyDocument {
        try PolicyParser.parse(bytes, kind: kind)
    }
}
