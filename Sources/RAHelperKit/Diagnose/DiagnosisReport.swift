/// Everything `diagnose` found, and its rendering for a terminal.
public struct DiagnosisReport: Sendable {
    /// Facts about the identity, as label and value, in print order.
    public var facts: [(label: String, value: String)] = []
    public var findings: [DiagnosticFinding] = []
    /// The request, when the identity and ARNs allowed one to be built.
    public var request: RequestPreview?
    /// Whether the request was sent (`--call`).
    public var called = false

    /// True when nothing failed; warnings and skipped checks do not count.
    public var passed: Bool { !findings.contains { $0.status == .failure } }

    public func finding(_ check: DiagnosticCheck) -> DiagnosticFinding? {
        findings.first { $0.check == check }
    }

    /// Plain text for a terminal, ending in a newline: the identity, the checks, the request, the
    /// server's answer and a one-line verdict.
    public var rendered: String {
        var lines: [String] = ["Identity"]
        let width = (facts.map(\.label.count).max() ?? 0) + 1
        for fact in facts {
            lines.append("  " + (fact.label + ":").padding(toLength: width + 1) + fact.value)
        }
        lines.append("")
        lines.append("Checks")
        for finding in findings where finding.check != .serverCall {
            lines += Self.render(finding)
        }
        if let request {
            lines.append("")
            lines.append(called ? "Request (sent)" : "Request (not sent; add --call to send it)")
            lines.append("  \(request.method) \(request.url)")
            lines.append("  Canonical request:")
            lines += request.canonicalRequest.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? "" : "    \($0)" }
            lines.append("  String to sign:")
            lines += request.stringToSign.split(separator: "\n", omittingEmptySubsequences: false).map { "    \($0)" }
            lines.append("  Authorization:")
            lines.append("    \(request.authorization)")
        }
        let server = findings.filter { $0.check == .serverCall }
        if !server.isEmpty {
            lines.append("")
            lines.append("Server")
            for finding in server { lines += Self.render(finding) }
        }
        lines.append("")
        lines.append(verdict)
        return lines.joined(separator: "\n") + "\n"
    }

    var verdict: String {
        let failures = findings.filter { $0.status == .failure }.count
        let warnings = findings.filter { $0.status == .warning }.count
        let warningText = warnings == 0 ? "" : " (\(DiagnosticText.plural(warnings, "warning")))"
        return failures == 0 ? "Result: all checks passed\(warningText)"
            : "Result: \(DiagnosticText.plural(failures, "problem")) found\(warningText)"
    }

    private static func render(_ finding: DiagnosticFinding) -> [String] {
        var lines = ["  \(finding.status.tag) \(finding.summary)"]
        if let advice = finding.advice { lines.append("         -> \(advice)") }
        return lines
    }
}

private extension String {
    func padding(toLength length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }
}
