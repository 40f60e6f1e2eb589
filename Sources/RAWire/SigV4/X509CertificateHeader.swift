import Foundation

/// The encodings of `X-Amz-X509` (one base64 DER certificate) and `X-Amz-X509-Chain`
/// (comma-separated base64 DER certificates), shared by the helper that writes them and the
/// server that reads them.
public enum X509CertificateHeader {
    /// AWS's documented limit on the certificates in `X-Amz-X509-Chain`.
    public static let maximumChainLength = 5

    /// Standard base64 with padding and no line breaks, as the official helper writes it.
    public static func encode(certificate der: [UInt8]) -> String {
        Data(der).base64EncodedString()
    }

    /// The comma-joined chain value, in the given order.
    public static func encode(chain: [[UInt8]]) -> String {
        chain.map { encode(certificate: $0) }.joined(separator: ",")
    }

    /// The DER bytes of an `X-Amz-X509` value; surrounding spaces are ignored.
    /// - Throws: `ValidationException` when the value is empty or not base64.
    public static func decodeCertificate(_ value: String) throws(WireError) -> [UInt8] {
        let trimmed = value.trimmingSpaces()
        guard !trimmed.isEmpty, let data = Data(base64Encoded: trimmed) else {
            throw .validation("\(AmzHeader.x509) must be a base64-encoded DER certificate.")
        }
        return Array(data)
    }

    /// The DER certificates of an `X-Amz-X509-Chain` value, in the order sent (which clients do not
    /// agree on, so callers should treat the result as an unordered pool).
    /// - Throws: `ValidationException` for an empty element, bad base64, or more than five certificates.
    public static func decodeChain(_ value: String) throws(WireError) -> [[UInt8]] {
        let elements = value.split(separator: ",", omittingEmptySubsequences: false)
        guard elements.count <= maximumChainLength else {
            throw .validation("\(AmzHeader.x509Chain) may hold at most \(maximumChainLength) certificates.")
        }
        var chain: [[UInt8]] = []
        for element in elements {
            let trimmed = element.trimmingSpaces()
            guard !trimmed.isEmpty, let data = Data(base64Encoded: trimmed) else {
                throw .validation("\(AmzHeader.x509Chain) must be comma-separated base64-encoded DER certificates.")
            }
            chain.append(Array(data))
        }
        return chain
    }
}
