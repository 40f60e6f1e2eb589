/// A statement's `Principal` or `NotPrincipal`: who the statement is about.
///
/// Only trust and resource policies carry one. Values are checked when the policy is stored so
/// that a typo (a wildcard ARN, a non-IAM ARN) fails loudly instead of never matching.
struct PrincipalElement: Sendable, Equatable {
    enum Entry: Sendable, Equatable {
        case aws(String)
        case service(String)
        case federated(String)
        case canonicalUser(String)
    }

    /// True for `NotPrincipal`: the statement applies to everyone the entries do not cover.
    let isNegated: Bool
    /// `"Principal": "*"`: every principal.
    let isEveryone: Bool
    let entries: [Entry]

    static func parse(_ value: JSONValue, negated: Bool) throws(PolicyError) -> PrincipalElement {
        let elementName = negated ? "NotPrincipal" : "Principal"
        switch value {
        case .string("*"):
            return PrincipalElement(isNegated: negated, isEveryone: true, entries: [])
        case .object(let members) where !members.isEmpty:
            var entries: [Entry] = []
            for member in members {
                let values = try member.value.stringList(element: "\(elementName).\(member.key)")
                guard !values.isEmpty else { throw .syntax("\(elementName).\(member.key) must not be empty") }
                for text in values {
                    entries.append(try entry(type: member.key, value: text))
                }
            }
            return PrincipalElement(isNegated: negated, isEveryone: false, entries: entries)
        default:
            throw .syntax("\(elementName) must be \"*\" or a non-empty object, not \(value.kindDescription)")
        }
    }

    private static func entry(type: String, value: String) throws(PolicyError) -> Entry {
        switch type {
        case "AWS":
            guard value == "*" || isAccountID(value) || isIdentityARN(value) else { throw .principal(type, value) }
            return .aws(value)
        case "Service":
            guard isPlainName(value) else { throw .principal(type, value) }
            return .service(value)
        case "Federated":
            guard isPlainName(value) else { throw .principal(type, value) }
            return .federated(value)
        case "CanonicalUser":
            guard isPlainName(value) else { throw .principal(type, value) }
            return .canonicalUser(value)
        default:
            throw .principal(type, value)
        }
    }

    /// Whether the statement applies to `principal`; a request without a principal reaches no
    /// statement that names one.
    func applies(to principal: Principal?) -> Bool {
        guard let principal else { return false }
        return isNegated != covers(principal)
    }

    private func covers(_ principal: Principal) -> Bool {
        if isEveryone { return true }
        return entries.contains { entry in
            switch (entry, principal) {
            case (.aws("*"), .aws), (.aws("*"), .anonymous):
                return true
            case (.aws(let pattern), .aws(let identity)):
                return Self.awsEntry(pattern, covers: identity)
            case (.service(let name), .service(let caller)):
                return name.lowercased() == caller.lowercased()
            default:
                return false
            }
        }
    }

    // MARK: - AWS principal matching

    /// An account (`123456789012` or `arn:…:iam::123456789012:root`) covers every identity in it; an
    /// ARN covers itself, and a role ARN also covers that role's assumed-role sessions.
    private static func awsEntry(_ pattern: String, covers identity: String) -> Bool {
        if pattern == identity { return true }
        let identityParts = ARNPattern.split(identity)
        if isAccountID(pattern) {
            if isAccountID(identity) { return pattern == identity }
            return identityParts.map { String($0[4]) == pattern } ?? false
        }
        guard let parts = ARNPattern.split(pattern) else { return false }
        if parts[2] == "iam", parts[5] == "root" {
            if isAccountID(identity) { return parts[4] == identity }
            guard let identityParts else { return false }
            return identityParts[1] == parts[1] && identityParts[4] == parts[4]
        }
        guard parts[2] == "iam", parts[5].hasPrefix("role/"), let roleName = parts[5].split(separator: "/").last,
              let identityParts, identityParts[2] == "sts",
              identityParts[1] == parts[1], identityParts[4] == parts[4] else { return false }
        let session = identityParts[5].split(separator: "/", omittingEmptySubsequences: false)
        return session.count == 3 && session[0] == "assumed-role" && session[1] == roleName
    }

    // MARK: - Validation

    static func isAccountID<S: StringProtocol>(_ value: S) -> Bool {
        value.count == 12 && value.allSatisfy { $0.isASCII && $0.isNumber }
    }

    private static func isIdentityARN(_ value: String) -> Bool {
        guard let parts = ARNPattern.split(value), parts[0] == "arn", !parts[1].isEmpty,
              parts[2] == "iam" || parts[2] == "sts", parts[3].isEmpty, isAccountID(parts[4]),
              !parts[5].isEmpty else { return false }
        return !value.contains("*") && !value.contains("?")
    }

    private static func isPlainName(_ value: String) -> Bool {
        !value.isEmpty && !value.contains { $0.isWhitespace || $0 == "*" || $0 == "?" }
    }
}
