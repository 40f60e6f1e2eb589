/// The one error type an executable turns into an exit status.
///
/// Libraries throw their own typed errors; the executable maps them to a `CLIError`, and only `main`
/// prints it and exits. Keeping the exit code in the value lets every layer say how bad a failure is
/// without calling `exit` itself.
public struct CLIError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Whether the failure came from the command line itself (cobra prefixes these with `Error: `)
    /// or from doing the work.
    public enum Kind: Sendable, Equatable {
        case usage
        case failure
    }

    /// One line, no trailing newline, never containing secrets.
    public var message: String
    public var exitCode: Int32
    public var kind: Kind

    public init(message: String, exitCode: Int32 = 1, kind: Kind = .failure) {
        self.message = message
        self.exitCode = exitCode
        self.kind = kind
    }

    /// A command-line mistake (unknown flag, bad value, exclusive flags) with exit code 1.
    public static func usage(_ message: String) -> CLIError {
        CLIError(message: message, exitCode: 1, kind: .usage)
    }

    /// The text `main` writes to stderr: cobra's `Error: ` prefix for usage errors, the bare reason otherwise.
    public var rendered: String {
        switch kind {
        case .usage: "Error: \(message)"
        case .failure: message
        }
    }

    public var description: String { rendered }
}
