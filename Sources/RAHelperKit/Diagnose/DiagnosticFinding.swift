/// One conclusion of `diagnose`: what was checked, how it came out, and, when something is wrong,
/// what to do about it in plain words.
public struct DiagnosticFinding: Sendable, Equatable {
    public enum Status: Sendable, Equatable {
        case pass
        /// Worth knowing, but CreateSession can still succeed.
        case warning
        /// CreateSession will (or did) fail because of this.
        case failure
        /// Not checked, e.g. no CA bundle was given.
        case skipped

        /// The tag printed in front of the finding.
        var tag: String {
            switch self {
            case .pass: "[ok]  "
            case .warning: "[warn]"
            case .failure: "[FAIL]"
            case .skipped: "[skip]"
            }
        }
    }

    public var check: DiagnosticCheck
    public var status: Status
    /// One line saying what was found.
    public var summary: String
    /// What to do about it; nil when there is nothing to do.
    public var advice: String?

    public init(_ check: DiagnosticCheck, _ status: Status, _ summary: String, advice: String? = nil) {
        self.check = check
        self.status = status
        self.summary = summary
        self.advice = advice
    }
}
