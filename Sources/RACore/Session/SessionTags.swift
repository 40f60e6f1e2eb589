import RACrypto

/// Derives the session (principal) tags from a certificate, as spec §3.4 describes:
/// `x509Subject/<RDN>`, `x509Issuer/<RDN>`, `x509SAN/DNS`, `x509SAN/URI`, `x509SAN/Name/<RDN>`,
/// filtered by the profile's attribute mappings. Values that break STS's tag rules are dropped.
public enum SessionTags {
    /// RDN short names that become tags; other attributes are ignored. (Spec: UNKNOWN beyond the
    /// documented C, O, OU, ST, L, CN, UID; this list is our decision, documented in the README.)
    public static let recognizedAttributes: [String] = [
        "C", "O", "OU", "ST", "L", "CN", "UID", "DC", "serialNumber", "title", "GN", "SN", "emailAddress",
        "street", "postalCode", "pseudonym", "initials", "generationQualifier", "dnQualifier",
    ]

    /// STS limits on session tags.
    public static let maximumTags = 50
    public static let maximumKeyLength = 128
    public static let maximumValueLength = 256

    /// The tags in a stable order (subject, issuer, SAN; attributes in recognised order).
    public static func derive(from certificate: Certificate, mappings: [AttributeMapping]) -> [Tag] {
        var tags: [Tag] = []
        for field in [AttributeMapping.CertificateField.x509Subject, .x509Issuer, .x509SAN] {
            let specifiers = Set(mappings.filter { $0.certificateField == field }.flatMap(\.specifiers).map(normalized))
            guard !specifiers.isEmpty else { continue }
            switch field {
            case .x509Subject:
                tags += nameTags(certificate.subject, prefix: "x509Subject/", specifiers: specifiers)
            case .x509Issuer:
                tags += nameTags(certificate.issuer, prefix: "x509Issuer/", specifiers: specifiers)
            case .x509SAN:
                tags += sanTags(certificate.subjectAlternativeNames, specifiers: specifiers)
            }
        }
        return Array(tags.filter(isValid).prefix(maximumTags))
    }

    /// `Name`, `Name/` and `Name/*` mean the same and are kept as `Name/*`.
    public static func normalized(_ specifier: String) -> String {
        specifier == "Name" || specifier == "Name/" ? "Name/*" : specifier
    }

    static func nameTags(_ name: DistinguishedName, prefix: String, specifiers: Set<String>) -> [Tag] {
        recognizedAttributes.compactMap { attribute in
            guard specifiers.contains("*") || specifiers.contains(attribute) else { return nil }
            let values = name.values(for: attribute)
            return values.isEmpty ? nil : Tag(key: prefix + attribute, value: values.joined(separator: "/"))
        }
    }

    static func sanTags(_ names: [GeneralName], specifiers: Set<String>) -> [Tag] {
        var tags: [Tag] = []
        if specifiers.contains("DNS"), let dns = names.lazy.compactMap({ if case .dns(let v) = $0 { v } else { nil } }).first {
            tags.append(Tag(key: "x509SAN/DNS", value: dns))
        }
        if specifiers.contains("URI"), let uri = names.lazy.compactMap({ if case .uri(let v) = $0 { v } else { nil } }).first {
            tags.append(Tag(key: "x509SAN/URI", value: uri))
        }
        let nameSpecifiers = Set(specifiers.filter { $0.hasPrefix("Name/") }.map { String($0.dropFirst(5)) })
        if !nameSpecifiers.isEmpty,
           let directory = names.lazy.compactMap({ if case .directoryName(let v) = $0 { v } else { nil } }).first {
            tags += nameTags(directory, prefix: "x509SAN/Name/", specifiers: nameSpecifiers)
        }
        return tags
    }

    /// STS's session-tag rules: key 1-128, value 0-256, both from `[\p{L}\p{Z}\p{N}_.:/=+\-@]`.
    public static func isValid(_ tag: Tag) -> Bool {
        (1...maximumKeyLength).contains(tag.key.count) && tag.value.count <= maximumValueLength
            && isTagText(tag.key) && isTagText(tag.value)
    }

    /// True when every character is a letter, separator, number or one of `_ . : / = + - @`.
    public static func isTagText(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            let props = scalar.properties
            if props.isAlphabetic || props.numericType != nil { return true }
            switch props.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .spaceSeparator, .lineSeparator, .paragraphSeparator,
                 .decimalNumber, .letterNumber, .otherNumber:
                return true
            default:
                return "_.:/=+-@".unicodeScalars.contains(scalar)
            }
        }
    }
}
