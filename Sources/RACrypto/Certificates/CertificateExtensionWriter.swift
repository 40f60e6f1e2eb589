internal import COpenSSL

/// Adds v3 extensions to an `X509` under construction, building each ASN.1 structure directly
/// (no config-string parsing, so SAN values containing commas or colons stay literal).
struct CertificateExtensionWriter {
    let x509: OpaquePointer

    private func add(_ nid: Int32, _ value: UnsafeMutableRawPointer, critical: Bool, _ what: String) throws {
        guard X509_add1_ext_i2d(x509, nid, value, critical ? 1 : 0, UInt(X509V3_ADD_REPLACE)) == 1 else {
            throw OpenSSLErrorQueue.failure("cannot add the \(what) extension")
        }
    }

    func addBasicConstraints(isCA: Bool?, pathLength: Int?) throws {
        guard let isCA else { return }
        guard let constraints = BASIC_CONSTRAINTS_new() else { throw OpenSSLErrorQueue.failure("cannot allocate basicConstraints") }
        defer { BASIC_CONSTRAINTS_free(constraints) }
        constraints.pointee.ca = isCA ? 0xff : 0
        if let pathLength {
            guard pathLength >= 0, let length = ASN1_INTEGER_new() else {
                throw CryptoError.malformed("path length must be zero or more")
            }
            constraints.pointee.pathlen = length  // owned by `constraints` from here on
            guard ASN1_INTEGER_set(length, pathLength) == 1 else { throw OpenSSLErrorQueue.failure("cannot encode path length") }
        }
        try add(NID_basic_constraints, UnsafeMutableRawPointer(constraints), critical: true, "basicConstraints")
    }

    func addKeyUsage(_ usage: KeyUsage?) throws {
        guard let usage else { return }
        guard let bits = ASN1_BIT_STRING_new() else { throw OpenSSLErrorQueue.failure("cannot allocate keyUsage") }
        defer { ASN1_BIT_STRING_free(bits) }
        for (flag, bit) in KeyUsage.bitNumbers where usage.contains(flag) {
            guard ASN1_BIT_STRING_set_bit(bits, bit, 1) == 1 else { throw OpenSSLErrorQueue.failure("cannot encode keyUsage") }
        }
        try add(NID_key_usage, UnsafeMutableRawPointer(bits), critical: true, "keyUsage")
    }

    func addExtendedKeyUsage(_ purposes: [String]) throws {
        guard !purposes.isEmpty else { return }
        guard let stack = ra_sk_ASN1_OBJECT_new_null() else { throw OpenSSLErrorQueue.failure("cannot allocate extendedKeyUsage") }
        defer { ra_EXTENDED_KEY_USAGE_free(stack) }
        for purpose in purposes {
            guard let object = OBJ_txt2obj(purpose, 0) else {
                throw OpenSSLErrorQueue.malformed("unknown extended key usage '\(purpose)'")
            }
            guard ra_sk_ASN1_OBJECT_push(stack, object) > 0 else {
                ASN1_OBJECT_free(object)
                throw OpenSSLErrorQueue.failure("cannot encode extendedKeyUsage")
            }
        }
        try add(NID_ext_key_usage, UnsafeMutableRawPointer(stack), critical: false, "extendedKeyUsage")
    }

    func addSubjectAlternativeNames(_ names: [GeneralName], critical: Bool) throws {
        guard !names.isEmpty else { return }
        guard let stack = ra_sk_GENERAL_NAME_new_null() else { throw OpenSSLErrorQueue.failure("cannot allocate subjectAltName") }
        defer { ra_GENERAL_NAMES_free(stack) }
        for name in names {
            let general = try makeGeneralName(name)
            guard ra_sk_GENERAL_NAME_push(stack, general) > 0 else {
                GENERAL_NAME_free(general)
                throw OpenSSLErrorQueue.failure("cannot encode subjectAltName")
            }
        }
        try add(NID_subject_alt_name, UnsafeMutableRawPointer(stack), critical: critical, "subjectAltName")
    }

    private func makeGeneralName(_ name: GeneralName) throws -> UnsafeMutablePointer<GENERAL_NAME> {
        let type: Int32
        let value: UnsafeMutableRawPointer
        switch name {
        case .dns(let text):
            type = GEN_DNS
            value = UnsafeMutableRawPointer(try makeIA5String(text))
        case .uri(let text):
            type = GEN_URI
            value = UnsafeMutableRawPointer(try makeIA5String(text))
        case .email(let text):
            type = GEN_EMAIL
            value = UnsafeMutableRawPointer(try makeIA5String(text))
        case .ipAddress(let text):
            guard let octets = a2i_IPADDRESS(text) else {
                throw OpenSSLErrorQueue.malformed("'\(text)' is not an IP address")
            }
            type = GEN_IPADD
            value = UnsafeMutableRawPointer(octets)
        case .directoryName(let dn):
            type = GEN_DIRNAME
            value = UnsafeMutableRawPointer(try X509NameConversion.make(dn))
        case .other(let text):
            throw CryptoError.unsupported("cannot encode subjectAltName entry '\(text)'")
        }
        guard let general = GENERAL_NAME_new() else { throw OpenSSLErrorQueue.failure("cannot allocate a GeneralName") }
        GENERAL_NAME_set0_value(general, type, value)
        return general
    }

    private func makeIA5String(_ text: String) throws -> UnsafeMutablePointer<ASN1_STRING> {
        guard text.allSatisfy(\.isASCII) else { throw CryptoError.malformed("'\(text)' is not ASCII (IA5String)") }
        guard let string = ASN1_IA5STRING_new() else { throw OpenSSLErrorQueue.failure("cannot allocate IA5String") }
        let bytes = Array(text.utf8)
        let ok = withNonNullBytes(bytes) { base, count in ASN1_STRING_set(string, base, Int32(count)) }
        guard ok == 1 else {
            ASN1_STRING_free(string)
            throw OpenSSLErrorQueue.failure("cannot encode IA5String")
        }
        return string
    }

    /// SHA-1 of the subjectPublicKey bits (RFC 5280 4.2.1.2 method 1), as OpenSSL's "hash" does.
    func addSubjectKeyIdentifier() throws {
        let identifier = try keyIdentifier(of: x509)
        try addOctetString(NID_subject_key_identifier, identifier, "subjectKeyIdentifier")
    }

    /// keyIdentifier = the issuer's SKID when it has one, else computed from the issuer's key
    /// (from this certificate's own key when self-signed, `issuer` nil).
    func addAuthorityKeyIdentifier(issuer: OpaquePointer?) throws {
        let source = issuer ?? x509
        var identifier: [UInt8]
        if let issuer, X509_get_ext_by_NID(issuer, NID_subject_key_identifier, -1) >= 0,
           let skid = X509_get0_subject_key_id(issuer) {
            identifier = ASN1Conversion.rawBytes(skid)
        } else {
            identifier = try keyIdentifier(of: source)
        }
        guard let authority = AUTHORITY_KEYID_new() else { throw OpenSSLErrorQueue.failure("cannot allocate authorityKeyIdentifier") }
        defer { AUTHORITY_KEYID_free(authority) }
        guard let octets = ASN1_OCTET_STRING_new() else { throw OpenSSLErrorQueue.failure("cannot allocate keyIdentifier") }
        authority.pointee.keyid = octets  // owned by `authority` from here on
        guard ASN1_OCTET_STRING_set(octets, &identifier, Int32(identifier.count)) == 1 else {
            throw OpenSSLErrorQueue.failure("cannot encode keyIdentifier")
        }
        try add(NID_authority_key_identifier, UnsafeMutableRawPointer(authority), critical: false, "authorityKeyIdentifier")
    }

    private func keyIdentifier(of certificate: OpaquePointer) throws -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        guard X509_pubkey_digest(certificate, EVP_sha1(), &digest, &length) == 1 else {
            throw OpenSSLErrorQueue.failure("cannot compute a key identifier")
        }
        return Array(digest.prefix(Int(length)))
    }

    private func addOctetString(_ nid: Int32, _ bytes: [UInt8], _ what: String) throws {
        guard let octets = ASN1_OCTET_STRING_new() else { throw OpenSSLErrorQueue.failure("cannot allocate \(what)") }
        defer { ASN1_OCTET_STRING_free(octets) }
        var copy = bytes
        guard ASN1_OCTET_STRING_set(octets, &copy, Int32(copy.count)) == 1 else {
            throw OpenSSLErrorQueue.failure("cannot encode \(what)")
        }
        try add(nid, UnsafeMutableRawPointer(octets), critical: false, what)
    }
}
