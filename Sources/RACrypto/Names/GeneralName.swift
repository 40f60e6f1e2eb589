/// One subjectAlternativeName entry. Roles Anywhere maps DNS, URI and email SANs to session tags,
/// and directory names are needed to show certificates whose subject lives only in the SAN.
public enum GeneralName: Sendable, Hashable, CustomStringConvertible {
    case dns(String)
    case uri(String)
    case email(String)
    /// Dotted quad for IPv4, RFC 5952 text for IPv6.
    case ipAddress(String)
    case directoryName(DistinguishedName)
    /// Kinds RACrypto does not model (otherName, registeredID, ...), described in OpenSSL style.
    case other(String)

    public var description: String {
        switch self {
        case .dns(let value): "DNS:\(value)"
        case .uri(let value): "URI:\(value)"
        case .email(let value): "email:\(value)"
        case .ipAddress(let value): "IP:\(value)"
        case .directoryName(let name): "DirName:\(name.rfc4514)"
        case .other(let value): value
        }
    }
}
