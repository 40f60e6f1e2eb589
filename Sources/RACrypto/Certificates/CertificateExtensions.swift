internal import COpenSSL

/// Reads the v3 extensions RACrypto exposes. A present but undecodable extension is an error,
/// not silently "absent", because absence changes policy decisions.
struct CertificateExtensions {
    var subjectAlternativeNames: [GeneralName] = []
    var basicConstraints: BasicConstraints?
    var keyUsage: KeyUsage?
    var extendedKeyUsage: [String]?
    var subjectKeyIdentifier: [UInt8]?
    var authorityKeyIdentifier: [UInt8]?

    init(_ x509: OpaquePointer) throws {
        subjectAlternativeNames = try Self.readSANs(x509)
        basicConstraints = try Self.readBasicConstraints(x509)
        keyUsage = try Self.readKeyUsage(x509)
        extendedKeyUsage = try Self.readEKU(x509)
        if Self.hasExtension(x509, NID_subject_key_identifier), let skid = X509_get0_subject_key_id(x509) {
            subjectKeyIdentifier = ASN1Conversion.rawBytes(skid)
        }
        if Self.hasExtension(x509, NID_authority_key_identifier), let akid = X509_get0_authority_key_id(x509) {
            authorityKeyIdentifier = ASN1Conversion.rawBytes(akid)
        }
        OpenSSLErrorQueue.drain()
    }

    static func hasExtension(_ x509: OpaquePointer, _ nid: Int32) -> Bool {
        X509_get_ext_by_NID(x509, nid, -1) >= 0
    }

    /// Decodes extension `nid`, or nil when absent; throws when present but broken.
    private static func decode(_ x509: OpaquePointer, _ nid: Int32, _ what: String) throws -> UnsafeMutableRawPointer? {
        guard hasExtension(x509, nid) else { return nil }
        var critical: Int32 = 0
        guard let value = X509_get_ext_d2i(x509, nid, &critical, nil) else {
            throw OpenSSLErrorQueue.malformed("\(what) extension cannot be decoded")
        }
        return value
    }

    private static func readSANs(_ x509: OpaquePointer) throws -> [GeneralName] {
        guard let raw = try decode(x509, NID_subject_alt_name, "subjectAltName") else { return [] }
        let names = OpaquePointer(raw)
        defer { ra_GENERAL_NAMES_free(names) }
        var result: [GeneralName] = []
        for index in 0..<max(ra_sk_GENERAL_NAME_num(names), 0) {
            guard let name = ra_sk_GENERAL_NAME_value(names, index) else { continue }
            result.append(GeneralNameConversion.read(name))
        }
        return result
    }

    private static func readBasicConstraints(_ x509: OpaquePointer) throws -> BasicConstraints? {
        guard let raw = try decode(x509, NID_basic_constraints, "basicConstraints") else { return nil }
        let constraints = raw.assumingMemoryBound(to: BASIC_CONSTRAINTS.self)
        defer { BASIC_CONSTRAINTS_free(constraints) }
        var pathLength: Int?
        if let length = constraints.pointee.pathlen {
            let value = ASN1_INTEGER_get(length)
            if value >= 0 { pathLength = value }
        }
        return BasicConstraints(isCA: constraints.pointee.ca != 0, pathLength: pathLength)
    }

    private static func readKeyUsage(_ x509: OpaquePointer) throws -> KeyUsage? {
        guard let raw = try decode(x509, NID_key_usage, "keyUsage") else { return nil }
        let bits = raw.assumingMemoryBound(to: ASN1_BIT_STRING.self)
        defer { ASN1_BIT_STRING_free(bits) }
        var usage: KeyUsage = []
        for (flag, bit) in KeyUsage.bitNumbers where ASN1_BIT_STRING_get_bit(bits, bit) == 1 {
            usage.insert(flag)
        }
        return usage
    }

    private static func readEKU(_ x509: OpaquePointer) throws -> [String]? {
        guard let raw = try decode(x509, NID_ext_key_usage, "extendedKeyUsage") else { return nil }
        let stack = OpaquePointer(raw)
        defer { ra_EXTENDED_KEY_USAGE_free(stack) }
        var result: [String] = []
        for index in 0..<max(ra_sk_ASN1_OBJECT_num(stack), 0) {
            if let object = ra_sk_ASN1_OBJECT_value(stack, index) {
                result.append(ObjectIdentifiers.dottedString(object))
            }
        }
        return result
    }
}
