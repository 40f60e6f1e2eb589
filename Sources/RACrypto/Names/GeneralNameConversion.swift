internal import COpenSSL

/// Moves SAN entries between OpenSSL's `GENERAL_NAME` and `GeneralName`.
enum GeneralNameConversion {
    static func read(_ name: UnsafeMutablePointer<GENERAL_NAME>) -> GeneralName {
        let value = name.pointee.d
        switch name.pointee.type {
        case GEN_DNS:
            return .dns(text(value.dNSName))
        case GEN_URI:
            return .uri(text(value.uniformResourceIdentifier))
        case GEN_EMAIL:
            return .email(text(value.rfc822Name))
        case GEN_IPADD:
            return .ipAddress(IPAddressText.format(ASN1Conversion.rawBytes(value.iPAddress)))
        case GEN_DIRNAME:
            return .directoryName(X509NameConversion.read(value.directoryName))
        case GEN_OTHERNAME:
            var oid = "?"
            if let other = value.otherName, let object = other.pointee.type_id {
                oid = ObjectIdentifiers.dottedString(object)
            }
            return .other("othername:\(oid)")
        case GEN_RID:
            if let object = value.registeredID { return .other("RID:\(ObjectIdentifiers.dottedString(object))") }
            return .other("RID")
        case GEN_X400:
            return .other("X400Name")
        case GEN_EDIPARTY:
            return .other("EdiPartyName")
        default:
            return .other("unknown")
        }
    }

    private static func text(_ string: UnsafeMutablePointer<ASN1_STRING>?) -> String {
        String(decoding: ASN1Conversion.rawBytes(string), as: UTF8.self)
    }
}
