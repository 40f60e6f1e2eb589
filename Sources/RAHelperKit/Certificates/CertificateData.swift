import Foundation
public import RACrypto
import RAWire

/// What `read-certificate-data` prints for a certificate file: the fields a caller needs to build a
/// SigV4-X509 request itself (the certificate for `X-Amz-X509`, the decimal serial for `Credential=`).
public struct CertificateData: Sendable, Equatable {
    /// `RSA`, `EC`, or empty for any other key type.
    public var keyType: String
    /// Base64 of the certificate's DER.
    public var certificateData: String
    /// The serial number in decimal, as `Credential=` carries it.
    public var serialNumber: String
    /// `<keyType>SHA256`, `<keyType>SHA384`, `<keyType>SHA512`.
    public var supportedAlgorithms: [String]

    public init(certificate: Certificate) {
        let type = switch certificate.publicKey.kind {
        case .rsa: "RSA"
        case .ec: "EC"
        case .other: ""
        }
        keyType = type
        certificateData = Data(certificate.der).base64EncodedString()
        serialNumber = certificate.serialNumber.decimalString
        supportedAlgorithms = ["SHA256", "SHA384", "SHA512"].map { type + $0 }
    }

    /// Reads the certificate as the official helper does: the first PEM `CERTIFICATE` block, with its
    /// two messages (`could not parse PEM data`, also for an unreadable file, and `could not parse
    /// certificate`). A DER certificate is accepted too. In-memory sources report why they are unreadable.
    public static func read(from source: CertificateSource) throws(HelperError) -> CertificateData {
        let bytes: [UInt8]
        switch source {
        case .file(let path):
            guard let contents = try? FileBytes.contents(of: path) else {
                throw HelperError.identity("could not parse PEM data")
            }
            bytes = contents
        case .inMemory(let memory):
            bytes = try SourceContents.read(memory, what: "certificate")
        case .pkcs11:
            throw HelperError.unsupported("PKCS#11 certificates and keys are not supported yet")
        }
        return CertificateData(certificate: try certificate(in: bytes))
    }

    static func certificate(in bytes: [UInt8]) throws(HelperError) -> Certificate {
        let text = String(decoding: bytes, as: UTF8.self)
        guard text.contains("-----BEGIN ") else {
            guard let certificate = try? Certificate(der: bytes) else {
                throw HelperError.identity("could not parse PEM data")
            }
            return certificate
        }
        guard let block = PEM.blocks(in: text).first(where: { $0.label == "CERTIFICATE" }) else {
            throw HelperError.identity("could not parse PEM data")
        }
        do {
            return try Certificate(der: block.der)
        } catch {
            throw HelperError.identity("could not parse certificate")
        }
    }

    /// The official JSON (Go's `json.Marshal`): fields in this order, no spaces, no trailing newline.
    public func encoded() -> String {
        JSONValue.object([
            ("keyType", .string(keyType)),
            ("certificateData", .string(certificateData)),
            ("serialNumber", .string(serialNumber)),
            ("supportedAlgorithms", .array(supportedAlgorithms.map { .string($0) })),
        ]).serialized(escapingHTML: true)
    }
}
