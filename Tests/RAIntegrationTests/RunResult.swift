/// What a finished subprocess left behind; `description` is what a failed expectation prints.
struct RunResult: Sendable, CustomStringConvertible {
    let command: String
    /// The exit status, or the signal number when `signaled`.
    let exitCode: Int32
    let signaled: Bool
    let timedOut: Bool
    let standardOutput: String
    let standardError: String

    var succeeded: Bool { !signaled && !timedOut && exitCode == 0 }

    /// Standard error without its final newline, split into lines.
    var errorLines: [Substring] {
        var text = Substring(standardError)
        if text.hasSuffix("\n") { text = text.dropLast() }
        return text.isEmpty ? [] : text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    var description: String {
        let status = timedOut ? "timed out" : signaled ? "killed by signal \(exitCode)" : "exit \(exitCode)"
        return "`\(command)` → \(status)\n--- stdout ---\n\(standardOutput)\n--- stderr ---\n\(standardError)"
    }
}
