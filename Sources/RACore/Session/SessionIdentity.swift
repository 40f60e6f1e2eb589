import RACrypto

/// The role session name and source identity a certificate gets (spec §3.2-3.3).
public enum SessionIdentity {
    /// The certificate serial in lower-case hex, padded to an even number of digits (our decision
    /// where the spec is silent; matches the `ID=` form AWS documents for source identity).
    public static func defaultSessionName(for certificate: Certificate) -> String {
        certificate.serialNumber.hexString
    }

    /// `CN=<cn>` when the first CN has at most 61 characters, the bare CN at 62-64 characters,
    /// otherwise (no CN, a longer CN, or a CN with characters STS refuses) `ID=<hex serial>`.
    public static func sourceIdentity(for certificate: Certificate) -> String {
        if let cn = certificate.subject.values(for: "CN").first, !cn.isEmpty, SessionTags.isTagText(cn) {
            if cn.count <= 61 { return "CN=" + cn }
            if cn.count <= 64 { return cn }
        }
        return "ID=" + certificate.serialNumber.hexString
    }

    /// STS's rule for a role session name: 2-64 characters of `[\w+=,.@-]`.
    public static func isValidSessionName(_ name: String) -> Bool {
        (2...64).contains(name.count) && name.unicodeScalars.allSatisfy { s in
            (s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s))) || "_+=,.@-".unicodeScalars.contains(s)
        }
    }
}
