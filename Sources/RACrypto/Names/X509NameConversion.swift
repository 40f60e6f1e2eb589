internal import COpenSSL

/// Moves names between OpenSSL's `X509_NAME` and `DistinguishedName`.
enum X509NameConversion {
    /// Reads every entry of `name` in order. `name` is borrowed, not freed.
    static func read(_ name: OpaquePointer?) -> DistinguishedName {
        guard let name else { return DistinguishedName() }
        var attributes: [DistinguishedName.Attribute] = []
        let count = X509_NAME_entry_count(name)
        for index in 0..<max(count, 0) {
            guard let entry = X509_NAME_get_entry(name, index),
                  let object = X509_NAME_ENTRY_get_object(entry) else { continue }
            let value = ASN1Conversion.utf8String(X509_NAME_ENTRY_get_data(entry)) ?? ""
            attributes.append(.init(shortName: ObjectIdentifiers.shortName(object),
                                    oid: ObjectIdentifiers.dottedString(object),
                                    value: value))
        }
        return DistinguishedName(attributes: attributes)
    }

    /// A new `X509_NAME` the caller owns (free with `X509_NAME_free`). OpenSSL picks the ASN.1
    /// string type per attribute (PrintableString for C, IA5String for DC and email, else UTF8String).
    static func make(_ dn: DistinguishedName) throws -> OpaquePointer {
        guard let name = X509_NAME_new() else { throw OpenSSLErrorQueue.failure("cannot allocate X509_NAME") }
        for attribute in dn.attributes {
            guard let object = OBJ_txt2obj(attribute.oid, 1) else {
                X509_NAME_free(name)
                throw OpenSSLErrorQueue.malformed("bad attribute OID '\(attribute.oid)'")
            }
            let bytes = Array(attribute.value.utf8)
            let ok = withNonNullBytes(bytes) { base, count in
                X509_NAME_add_entry_by_OBJ(name, object, MBSTRING_UTF8, base, Int32(count), -1, 0)
            }
            ASN1_OBJECT_free(object)
            guard ok == 1 else {
                X509_NAME_free(name)
                throw OpenSSLErrorQueue.malformed("value of \(attribute.shortName) is not allowed for that attribute")
            }
        }
        return name
    }
}
