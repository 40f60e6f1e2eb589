import Foundation
internal import COpenSSL

/// Conversions from OpenSSL's ASN.1 primitives to Swift values.
enum ASN1Conversion {
    /// Any ASN.1 string type converted to UTF-8 by OpenSSL.
    static func utf8String(_ string: UnsafeMutablePointer<ASN1_STRING>?) -> String? {
        guard let string else { return nil }
        var out: UnsafeMutablePointer<UInt8>?
        let length = ASN1_STRING_to_UTF8(&out, string)
        guard length >= 0, let out else {
            OpenSSLErrorQueue.drain()
            return nil
        }
        defer { ra_openssl_free(out) }
        return String(decoding: UnsafeBufferPointer(start: out, count: Int(length)), as: UTF8.self)
    }

    /// The raw content octets of an ASN.1 string (IA5String, OCTET STRING, ...).
    static func rawBytes(_ string: UnsafePointer<ASN1_STRING>?) -> [UInt8] {
        guard let string, let data = ASN1_STRING_get0_data(string) else { return [] }
        let length = Int(ASN1_STRING_length(string))
        guard length > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: length))
    }

    /// An ASN.1 UTCTime/GeneralizedTime as a `Date`.
    static func date(_ time: UnsafePointer<ASN1_TIME>?) -> Date? {
        guard let time else { return nil }
        var parts = tm()
        guard ASN1_TIME_to_tm(time, &parts) == 1 else {
            OpenSSLErrorQueue.drain()
            return nil
        }
        return Date(timeIntervalSince1970: TimeInterval(timegm(&parts)))
    }

    /// Whole seconds since 1970, rounding towards the past, as OpenSSL's time APIs want.
    static func epochSeconds(_ date: Date) -> time_t {
        time_t(date.timeIntervalSince1970.rounded(.down))
    }

    /// A new `ASN1_TIME` the caller frees with `ASN1_TIME_free`.
    static func makeTime(_ date: Date) throws -> UnsafeMutablePointer<ASN1_TIME> {
        guard let time = ASN1_TIME_set(nil, epochSeconds(date)) else {
            throw OpenSSLErrorQueue.failure("cannot encode time \(date)")
        }
        return time
    }

    /// An ASN.1 INTEGER as a serial number (its magnitude; serials are positive by RFC 5280).
    static func serial(_ integer: UnsafePointer<ASN1_INTEGER>?) -> SerialNumber {
        guard let integer, let bignum = ASN1_INTEGER_to_BN(integer, nil) else {
            OpenSSLErrorQueue.drain()
            return SerialNumber(bytes: [])
        }
        defer { BN_free(bignum) }
        var bytes = [UInt8](repeating: 0, count: Int((BN_num_bits(bignum) + 7) / 8))
        _ = BN_bn2bin(bignum, &bytes)
        return SerialNumber(bytes: bytes)
    }

    /// A new `ASN1_INTEGER` the caller frees with `ASN1_INTEGER_free`.
    static func makeInteger(_ serial: SerialNumber) throws -> UnsafeMutablePointer<ASN1_INTEGER> {
        let bytes = serial.bytes.isEmpty ? [0] : serial.bytes
        guard let bignum = BN_bin2bn(bytes, Int32(bytes.count), nil) else {
            throw OpenSSLErrorQueue.failure("cannot encode serial number")
        }
        defer { BN_free(bignum) }
        guard let integer = BN_to_ASN1_INTEGER(bignum, nil) else {
            throw OpenSSLErrorQueue.failure("cannot encode serial number")
        }
        return integer
    }
}
