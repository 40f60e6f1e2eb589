/// Renders help in cobra's default layout, so `--help` output of a drop-in looks like the original's.
enum HelpFormatter {
    /// Full help for the last command of `chain` (root first): description, then usage.
    static func help(for chain: [Command]) -> String {
        guard let command = chain.last else { return "" }
        let text = command.details.isEmpty ? command.summary : command.details
        var out = ""
        if !text.isEmpty { out += trimTrailingWhitespace(text) + "\n\n" }
        return out + usage(for: chain)
    }

    /// Cobra's usage block: usage lines, available commands, flags and the closing hint.
    static func usage(for chain: [Command]) -> String {
        guard let command = chain.last else { return "" }
        let path = chain.map(\.name).joined(separator: " ")
        let subcommands = command.effectiveSubcommands.filter { !$0.isHidden }.sorted { $0.name < $1.name }
        var out = "Usage:"
        if command.isRunnable {
            var line = path
            if !command.usageSuffix.isEmpty { line += " " + command.usageSuffix }
            if !line.contains("[flags]") { line += " [flags]" }
            out += "\n  " + line
        }
        if !subcommands.isEmpty {
            out += "\n  \(path) [command]"
            let width = max(11, subcommands.map(\.name.count).max() ?? 0)
            out += "\n\nAvailable Commands:"
            for sub in subcommands {
                out += "\n  " + pad(sub.name, to: width) + " " + sub.summary
            }
        }
        let flagLines = flagUsages(command.effectiveFlags.filter { !$0.isHidden })
        if !flagLines.isEmpty { out += "\n\nFlags:\n" + flagLines }
        if !subcommands.isEmpty {
            out += "\n\nUse \"\(path) [command] --help\" for more information about a command."
        }
        return out + "\n"
    }

    /// pflag's `FlagUsages`: sorted by name, usage column aligned one past the longest flag column.
    static func flagUsages(_ flags: [Flag]) -> String {
        let rows = flags.sorted { $0.name < $1.name }.map { flag -> (String, String) in
            var left = flag.shorthand.map { "  -\($0), --\(flag.name)" } ?? "      --\(flag.name)"
            let (varName, usage) = unquoteUsage(flag)
            if !varName.isEmpty { left += " " + varName }
            return (left, usage + defaultSuffix(flag))
        }
        let width = (rows.map(\.0.count).max() ?? 0) + 1
        return rows.map { left, right in
            trimTrailingWhitespace(pad(left, to: width) + "  " + right)
        }.joined(separator: "\n")
    }

    /// A word in backquotes inside the usage names the value (pflag `UnquoteUsage`).
    private static func unquoteUsage(_ flag: Flag) -> (String, String) {
        let parts = flag.usage.split(separator: "`", maxSplits: 2, omittingEmptySubsequences: false)
        if parts.count == 3 {
            return (String(parts[1]), parts.joined())
        }
        return (flag.typeName, flag.usage)
    }

    private static func defaultSuffix(_ flag: Flag) -> String {
        switch flag.kind {
        case .string(let value) where !value.isEmpty: " (default \(GoSyntax.quote(value)))"
        case .bool(true): " (default true)"
        case .int(let value) where value != 0: " (default \(value))"
        default: ""
        }
    }

    private static func pad(_ text: String, to width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    private static func trimTrailingWhitespace(_ text: String) -> String {
        var text = Substring(text)
        while let last = text.last, last == " " || last == "\n" || last == "\t" { text = text.dropLast() }
        return String(text)
    }
}
