/// Whether a matching statement grants or forbids; a single matching `deny` outweighs every `allow`.
public enum PolicyEffect: String, Sendable, Equatable {
    case allow = "Allow"
    case deny = "Deny"
}
