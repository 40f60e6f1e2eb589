/// The certificates of one trust anchor, loaded into OpenSSL once. Building the store per request
/// is measurable at thousands of sessions per second, so the server keeps one per anchor version.
public final class TrustAnchorSet: Sendable {
    /// The anchor certificates, as given; any of them may end a path.
    public let certificates: [Certificate]
    let store: TrustStore

    public init(_ certificates: [Certificate]) throws {
        self.certificates = certificates
        self.store = try TrustStore(certificates)
    }
}
