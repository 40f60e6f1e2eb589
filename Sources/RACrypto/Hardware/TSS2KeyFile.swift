import Foundation
internal import COpenSSL

/// The fields of a `TSS2 PRIVATE KEY` (draft-bottomley-tpm2-keys `TPMKey`) that decide whether the
/// helper can use it, checked before the TPM is involved so that unsupported files fail with the
/// official helper's messages instead of a provider error.
public struct TSS2KeyFile: Sendable, Equatable {
    /// The OID of a loadable key, the only kind a signing helper can use.
    public static let loadableKeyOID = "2.23.133.10.1.3"

    public let oid: String
    /// True when the key has no authorization value, so no password is needed (or allowed).
    public let emptyAuth: Bool
    public let parent: UInt32

    /// Reads the first `TSS2 PRIVATE KEY` block of a PEM file and validates it.
    public init(pem: [UInt8]) throws(HardwareKeyError) {
        let text = String(decoding: pem, as: UTF8.self)
        guard let block = PEM.blocks(in: text).first(where: { $0.label == "TSS2 PRIVATE KEY" }) else {
            throw HardwareKeyError.malformed("requested block type could not be found")
        }
        try self.init(der: block.der)
    }

    public init(der: [UInt8]) throws(HardwareKeyError) {
        var reader = DERReader(der)
        guard let sequence = reader.next(), sequence.tag == 16, sequence.constructed else {
            throw HardwareKeyError.malformed("could not parse TSS2 PRIVATE KEY")
        }
        var fields = DERReader(sequence.content)
        guard let oidField = fields.next(), oidField.tag == 6, let oid = Self.objectIdentifier(oidField.encoded) else {
            throw HardwareKeyError.malformed("could not parse TSS2 PRIVATE KEY")
        }
        var emptyAuth = false
        var hasPolicy = false
        var hasSecret = false
        var next = fields.next()
        while let field = next, field.contextSpecific {
            switch field.tag {
            case 0:
                // EXPLICIT BOOLEAN; old engines wrote 0x01 for TRUE, which DER forbids but we accept.
                var inner = DERReader(field.content)
                emptyAuth = inner.next().map { $0.tag == 1 && $0.content.first.map { $0 != 0 } == true } ?? false
            case 1, 3: hasPolicy = true
            case 2: hasSecret = true
            default: break
            }
            next = fields.next()
        }
        guard oid == Self.loadableKeyOID else {
            throw HardwareKeyError.malformed("invalid OID for TPMv2 key:\(oid)")
        }
        if hasPolicy { throw HardwareKeyError.unsupported("TPMv2 policy not implemented yet") }
        if hasSecret { throw HardwareKeyError.malformed("TPMv2 key has 'secret' field which should not be set") }
        guard let parentField = next, parentField.tag == 2, !parentField.contextSpecific,
              let parent = Self.unsignedInteger(parentField.content) else {
            throw HardwareKeyError.malformed("could not parse TSS2 PRIVATE KEY")
        }
        let persistent = parent >> 24 == 0x81
        let hierarchies: Set<UInt32> = [0x4000_0001, 0x4000_0007, 0x4000_000B, 0x4000_000C]
        guard persistent || hierarchies.contains(parent) else {
            throw HardwareKeyError.malformed("invalid parent for TPMv2 key")
        }
        guard let publicBlob = fields.next(), publicBlob.tag == 4, Self.hasValidLengthPrefix(publicBlob.content) else {
            throw HardwareKeyError.malformed("invalid length for TPMv2 PUBLIC blob")
        }
        guard let privateBlob = fields.next(), privateBlob.tag == 4, Self.hasValidLengthPrefix(privateBlob.content) else {
            throw HardwareKeyError.malformed("invalid length for TPMv2 PRIVATE blob")
        }
        self.oid = oid
        self.emptyAuth = emptyAuth
        self.parent = parent
    }

    /// True when `data` holds a `TSS2 PRIVATE KEY` PEM block, i.e. it is meant for the TPM signer.
    public static func isTSS2PEM(_ data: [UInt8]) -> Bool {
        String(decoding: data, as: UTF8.self).contains("-----BEGIN TSS2 PRIVATE KEY-----")
    }

    /// TPM2B blobs carry a big-endian 16-bit size that must match what follows.
    private static func hasValidLengthPrefix(_ blob: [UInt8]) -> Bool {
        blob.count >= 2 && blob.count - 2 == Int(blob[0]) << 8 | Int(blob[1])
    }

    private static func unsignedInteger(_ content: [UInt8]) -> UInt32? {
        guard let first = content.first, first & 0x80 == 0 else { return nil }
        var bytes = content[...]
        while bytes.count > 1, bytes.first == 0 { bytes = bytes.dropFirst() }
        guard bytes.count <= 4 else { return nil }
        return bytes.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    }

    private static func objectIdentifier(_ encoded: [UInt8]) -> String? {
        let object: OpaquePointer? = encoded.withUnsafeBufferPointer { buffer in
            var cursor = buffer.baseAddress
            return d2i_ASN1_OBJECT(nil, &cursor, buffer.count)
        }
        guard let object else {
            OpenSSLErrorQueue.drain()
            return nil
        }
        defer { ASN1_OBJECT_free(object) }
        var buffer = [CChar](repeating: 0, count: 128)
        let length = OBJ_obj2txt(&buffer, Int32(buffer.count), object, 1)
        guard length > 0, Int(length) < buffer.count else { return nil }
        return String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// Walks DER TLVs with OpenSSL's `ASN1_get_object`, one element at a time.
private struct DERReader {
    struct Element {
        var tag: Int32
        var constructed: Bool
        var contextSpecific: Bool
        var content: [UInt8]
        /// Header and content, for decoders that want the whole TLV.
        var encoded: [UInt8]
    }

    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func next() -> Element? {
        guard offset < bytes.count else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> Element? in
            guard let base = buffer.baseAddress else { return nil }
            var cursor: UnsafePointer<UInt8>? = base + offset
            var length = 0
            var tag: Int32 = 0
            var xclass: Int32 = 0
            let flags = ASN1_get_object(&cursor, &length, &tag, &xclass, buffer.count - offset)
            guard flags & 0x80 == 0, let cursor else {
                OpenSSLErrorQueue.drain()
                return nil
            }
            let contentStart = cursor - base
            guard length >= 0, contentStart + length <= buffer.count else { return nil }
            let element = Element(tag: tag, constructed: flags & 0x20 != 0, contextSpecific: xclass == V_ASN1_CONTEXT_SPECIFIC,
                                  content: Array(buffer[contentStart..<(contentStart + length)]),
                                  encoded: Array(buffer[offset..<(contentStart + length)]))
            offset = contentStart + length
            return element
        }
    }
}
