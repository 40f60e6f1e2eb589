internal import COpenSSL

/// Translation between attribute names, OpenSSL NIDs and dotted OIDs.
enum ObjectIdentifiers {
    /// Common spellings OpenSSL's table does not know or knows under another case.
    private static let aliases: [String: String] = [
        "E": "emailAddress", "EMAIL": "emailAddress", "EMAILADDRESS": "emailAddress",
        "S": "ST", "SP": "ST", "STREET": "street", "SERIALNUMBER": "serialNumber",
        "TITLE": "title", "GN": "GN", "GIVENNAME": "GN", "SURNAME": "SN",
        "DC": "DC", "UID": "UID", "USERID": "UID", "CN": "CN", "OU": "OU", "O": "O", "L": "L", "C": "C", "ST": "ST",
    ]

    static func resolveAttributeType(_ type: String) throws -> (shortName: String, oid: String) {
        var nid = OBJ_txt2nid(type)
        if nid == NID_undef, let alias = aliases[type.uppercased()] {
            nid = OBJ_txt2nid(alias)
        }
        if nid != NID_undef, let object = OBJ_nid2obj(nid), let short = OBJ_nid2sn(nid) {
            return (String(cString: short), dottedString(object))
        }
        if isDottedOID(type), let object = OBJ_txt2obj(type, 1) {
            defer { ASN1_OBJECT_free(object) }
            return (type, dottedString(object))
        }
        throw CryptoError.malformed("unknown attribute type '\(type)'")
    }

    /// The dotted form of an object, e.g. "2.5.4.3".
    static func dottedString(_ object: OpaquePointer) -> String {
        var buffer = [CChar](repeating: 0, count: 128)
        let length = OBJ_obj2txt(&buffer, Int32(buffer.count), object, 1)
        guard length > 0 else { return "" }
        if Int(length) >= buffer.count {
            buffer = [CChar](repeating: 0, count: Int(length) + 1)
            _ = OBJ_obj2txt(&buffer, Int32(buffer.count), object, 1)
        }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// OpenSSL's short name for the object, or its dotted form when it has none.
    static func shortName(_ object: OpaquePointer) -> String {
        let nid = OBJ_obj2nid(object)
        if nid != NID_undef, let short = OBJ_nid2sn(nid) { return String(cString: short) }
        return dottedString(object)
    }

    static func isDottedOID(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count >= 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
    }
}
