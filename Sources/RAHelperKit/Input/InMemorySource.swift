/// Certificate or key bytes handed over in memory instead of a file path, so that secrets never
/// touch the disk: the executable fills it from an environment variable (`env:NAME`) or standard
/// input (`-`), and Swift programs from wherever they keep their secrets.
///
/// The bytes may be anything a file could hold (PEM, DER, PKCS#12). A source that could not be
/// read (an unset variable, for instance) is still a value: the failure surfaces when the identity
/// is loaded, with the same `failed to read …:` wording a missing file gets, so building a
/// configuration never throws.
///
/// Printing or reflecting the value shows only its origin and size, never the bytes.
public struct InMemorySource: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable {
    /// Where the bytes came from, in words, e.g. `environment variable TLS_KEY` or `standard input`.
    public let origin: String
    private let contents: Result<[UInt8], HelperError>

    public init(origin: String, bytes: [UInt8]) {
        self.origin = origin
        self.contents = .success(bytes)
    }

    /// A source that could not be read; `reason` (without secrets) is reported when it is used.
    public static func unavailable(origin: String, reason: String) -> InMemorySource {
        InMemorySource(origin: origin, contents: .failure(HelperError(.identity, reason)))
    }

    private init(origin: String, contents: Result<[UInt8], HelperError>) {
        self.origin = origin
        self.contents = contents
    }

    /// The bytes, or the reason they could not be read (the bare reason, without a prefix).
    public func bytes() throws(HelperError) -> [UInt8] {
        try contents.get()
    }

    public var description: String {
        switch contents {
        case .success(let bytes): "\(origin) (\(bytes.count) bytes)"
        case .failure: "\(origin) (unavailable)"
        }
    }

    public var debugDescription: String { description }

    /// No children: `dump` and default struct printing must not reveal key material.
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}
