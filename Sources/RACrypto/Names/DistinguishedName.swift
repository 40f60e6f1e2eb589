internal import COpenSSL

/// A certificate subject or issuer as Swift values. Roles Anywhere keys Subject resources and
/// session tags by these attributes, so they keep the order they have in the certificate and are
/// compared exactly, attribute by attribute.
///
/// Multi-valued RDNs are flattened: each attribute of a set becomes its own entry, in order.
public struct DistinguishedName: Sendable, Hashable, CustomStringConvertible {
    /// One attribute type and value, such as `CN=edge-01`.
    public struct Attribute: Sendable, Hashable {
        /// OpenSSL's short name (`CN`, `OU`, `O`, `L`, `ST`, `C`, `DC`, `UID`, `emailAddress`,
        /// `serialNumber`, `title`, ...), or the dotted OID when OpenSSL has no name for it.
        public var shortName: String
        /// The dotted OID, e.g. `2.5.4.3` for CN.
        public var oid: String
        /// The value decoded to UTF-8, whatever ASN.1 string type carried it.
        public var value: String

        public init(shortName: String, oid: String, value: String) {
            self.shortName = shortName
            self.oid = oid
            self.value = value
        }

        /// Resolves `type` (a short name, long name or dotted OID) through OpenSSL's object table.
        public init(type: String, value: String) throws {
            let resolved = try ObjectIdentifiers.resolveAttributeType(type)
            self.init(shortName: resolved.shortName, oid: resolved.oid, value: value)
        }
    }

    /// The attributes in certificate order.
    public var attributes: [Attribute]

    public init(attributes: [Attribute] = []) {
        self.attributes = attributes
    }

    /// Builds a name from (type, value) pairs, resolving each type name; handy in tests and builders.
    public init(_ pairs: [(String, String)]) throws {
        self.attributes = try pairs.map { try Attribute(type: $0.0, value: $0.1) }
    }

    /// Parses `CN=edge-01,OU=DataCenter-Northeast,O=Example Corp` (RFC 4514 syntax, kept in the order
    /// written, with `\,`-style and `\2C`-style escapes, quoted values and `+` for multi-valued RDNs)
    /// and the OpenSSL command-line form `/CN=edge-01/O=Example Corp`.
    public init(parsing text: String) throws {
        self.attributes = try DistinguishedNameParser.parse(text)
    }

    public var isEmpty: Bool { attributes.isEmpty }

    /// All values of one attribute type, in order (a name may carry several OUs or DCs).
    /// Matches the short name exactly, or the dotted OID.
    public func values(for shortName: String) -> [String] {
        attributes.filter { $0.shortName == shortName || $0.oid == shortName }.map(\.value)
    }

    /// The RFC 4514 string form, in the order of `attributes` (not reversed), with the RFC's escapes.
    public var rfc4514: String {
        attributes.map { "\($0.shortName)=\(Self.escape($0.value))" }.joined(separator: ",")
    }

    public var description: String { rfc4514 }

    /// Backslash-escapes what RFC 4514 section 2.4 requires: `, + " \ < > ;` anywhere, `#` or space
    /// at the start, space at the end, and NUL as `\00`.
    static func escape(_ value: String) -> String {
        var out = ""
        let scalars = Array(value.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case ",", "+", "\"", "\\", "<", ">", ";":
                out += "\\"
                out.unicodeScalars.append(scalar)
            case "#" where index == 0:
                out += "\\#"
            case " " where index == 0 || index == scalars.count - 1:
                out += "\\ "
            case "\u{0}":
                out += "\\00"
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
