/// Who is making the request, as trust and resource policies see it.
public enum Principal: Sendable, Equatable, CustomStringConvertible {
    /// A service principal such as `rolesanywhere.amazonaws.com` (the caller of `AssumeRole` at
    /// `CreateSession`).
    case service(String)
    /// An IAM identity: an ARN (`arn:aws:iam::123456789012:role/R`, an assumed-role session ARN) or a
    /// bare 12-digit account id meaning the account itself.
    case aws(String)
    /// An unauthenticated caller; only `"Principal": "*"` (or `{"AWS": "*"}`) reaches it.
    case anonymous

    /// "service …", "AWS …" or "anonymous", as explanations show it.
    public var description: String {
        switch self {
        case .service(let name): return "service \(name)"
        case .aws(let identity): return "AWS \(identity)"
        case .anonymous: return "anonymous"
        }
    }
}
