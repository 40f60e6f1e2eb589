/// The policy language version, which decides whether `${...}` is a variable or plain text.
public enum PolicyVersion: String, Sendable, Equatable {
    /// Current language: policy variables are substituted.
    case v2012_10_17 = "2012-10-17"
    /// Legacy language (also what a document without `Version` means): `${...}` is literal text.
    case v2008_10_17 = "2008-10-17"

    var substitutesVariables: Bool { self == .v2012_10_17 }
}
