/// Task 4 of SigV4: `ALG Credential=ID/DATE/REGION/SERVICE/aws4_request, SignedHeaders=a;b, Signature=hex`.
///
/// For `AWS4-HMAC-SHA256` the credential ID is the access key ID; for SigV4-X509 it is the
/// signing certificate's serial number in decimal.
public struct AuthorizationHeader: Sendable, Hashable {
    public var algorithm: SigV4Algorithm
    /// Access key ID (HMAC) or decimal certificate serial (X.509).
    public var credentialID: String
    public var scope: CredentialScope
    /// Lower-case header names in the order the client listed them.
    public var signedHeaders: [String]
    /// Hex signature as sent.
    public var signature: String

    public init(algorithm: SigV4Algorithm, credentialID: String, scope: CredentialScope, signedHeaders: [String],
                signature: String) {
        self.algorithm = algorithm
        self.credentialID = credentialID
        self.scope = scope
        self.signedHeaders = signedHeaders
        self.signature = signature
    }

    /// The header value as every known client writes it, parts separated by `", "`.
    public var formatted: String {
        "\(algorithm.rawValue) Credential=\(credentialID)/\(scope.formatted), "
            + "SignedHeaders=\(signedHeaders.joined(separator: ";")), Signature=\(signature)"
    }

    /// Parses an `Authorization` value. The three parts may come in any order, separated by `,`
    /// with or without spaces; each must appear exactly once.
    /// - Throws: `IncompleteSignatureException` naming what is missing or malformed.
    public static func parse(_ value: String) throws(WireError) -> AuthorizationHeader {
        let trimmed = value.trimmingSpaces()
        guard let space = trimmed.firstIndex(of: " ") else {
            throw .incompleteSignature(
                "Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters.")
        }
        let algorithm = String(trimmed[..<space])
        var parts: [String: String] = [:]
        let components = trimmed[trimmed.index(after: space)...].split(separator: ",", omittingEmptySubsequences: false)
        for component in components {
            let part = String(component).trimmingSpaces()
            guard let equals = part.firstIndex(of: "=") else {
                throw .incompleteSignature("Authorization header has a malformed parameter.")
            }
            let key = String(part[..<equals])
            guard ["Credential", "SignedHeaders", "Signature"].contains(key) else {
                throw .incompleteSignature("Authorization header has an unknown parameter '\(key)'.")
            }
            guard parts[key] == nil else {
                throw .incompleteSignature("Authorization header repeats the '\(key)' parameter.")
            }
            parts[key] = String(part[part.index(after: equals)...])
        }
        for key in ["Credential", "SignedHeaders", "Signature"] where parts[key] == nil {
            throw .incompleteSignature("Authorization header requires '\(key)' parameter.")
        }
        let (credentialID, scope) = try parseCredential(parts["Credential"] ?? "")
        return AuthorizationHeader(algorithm: SigV4Algorithm(rawValue: algorithm), credentialID: credentialID,
                                   scope: scope, signedHeaders: try parseSignedHeaders(parts["SignedHeaders"] ?? ""),
                                   signature: try parseSignature(parts["Signature"] ?? ""))
    }

    private static func parseCredential(_ text: String) throws(WireError) -> (String, CredentialScope) {
        let elements = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard elements.count == 5, !elements.contains(where: \.isEmpty) else {
            throw .incompleteSignature(
                "Credential must have the form <id>/<yyyyMMdd>/<region>/<service>/aws4_request.")
        }
        guard AmzDate.isDateStamp(elements[1]) else {
            throw .incompleteSignature("Credential scope date must be yyyyMMdd.")
        }
        guard elements[4] == CredentialScope.terminator else {
            throw .incompleteSignature("Credential scope must end with aws4_request.")
        }
        return (elements[0], CredentialScope(date: elements[1], region: elements[2], service: elements[3]))
    }

    private static func parseSignedHeaders(_ text: String) throws(WireError) -> [String] {
        let names = text.split(separator: ";", omittingEmptySubsequences: false).map { $0.lowercased() }
        guard !text.isEmpty, !names.contains(where: \.isEmpty) else {
            throw .incompleteSignature("SignedHeaders must list one or more header names separated by ';'.")
        }
        return names
    }

    private static func parseSignature(_ text: String) throws(WireError) -> String {
        guard !text.isEmpty, text.utf8.allSatisfy(SigV4.isHexDigit) else {
            throw .incompleteSignature("Signature must be a non-empty hexadecimal string.")
        }
        return text
    }
}

extension StringProtocol {
    /// The text without leading and trailing ASCII spaces and tabs.
    func trimmingSpaces() -> String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isBlank($0) }), let last = lastIndex(where: { !isBlank($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
