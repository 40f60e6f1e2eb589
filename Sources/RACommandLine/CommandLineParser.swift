/// Parses `argv` against a command tree with cobra/pflag semantics, so a drop-in replacement for a Go
/// CLI accepts exactly the same spellings and fails with exactly the same messages.
///
/// Steps, in cobra's order: find the subcommand from the leading words, parse that command's flags
/// (interspersed with positionals), honour `--help`, print help for non-runnable group commands, then
/// check positional arguments and mutually exclusive groups.
public struct CommandLineParser: Sendable {
    public let root: Command

    public init(root: Command) {
        self.root = root
    }

    /// - Parameter arguments: the process arguments without the program name.
    public func parse(_ arguments: [String]) throws(CLIError) -> ParseResult {
        let (path, commands, remaining) = try resolve(arguments)
        guard let command = commands.last else { return .help(HelpFormatter.help(for: [root])) }

        if commands.count >= 2, command.name == "help", commands[commands.count - 2].subcommand(named: "help") == nil {
            return helpTopic(parent: commands[commands.count - 2], ancestors: Array(commands.dropLast()),
                             words: remaining.filter { !$0.hasPrefix("-") })
        }

        var flags = FlagValues(flags: command.effectiveFlags)
        let positionals = try parseFlags(remaining, of: command, into: &flags)
        if flags.bool("help") { return .help(HelpFormatter.help(for: commands)) }
        if !command.isRunnable {
            if let stray = positionals.first, commands.count == 1 {
                throw CLIError.usage("unknown command \(GoSyntax.quote(stray)) for \(GoSyntax.quote(root.name))")
            }
            return .help(HelpFormatter.help(for: commands))
        }
        try validate(positionals, of: command, path: commands.map(\.name).joined(separator: " "))
        try validateExclusiveGroups(command, flags)
        return .run(Invocation(commandPath: path, flags: flags, arguments: positionals))
    }

    /// Walks down the tree using the words that are not flags, like cobra's `Find`. Returns the path,
    /// the commands from the root down, and the arguments left for the leaf's flag parser.
    private func resolve(_ arguments: [String]) throws(CLIError) -> ([String], [Command], [String]) {
        var commands = [root]
        var path: [String] = []
        var remaining = arguments
        while let current = commands.last, !current.effectiveSubcommands.isEmpty {
            guard let index = firstWordIndex(remaining, flags: current.effectiveFlags) else { break }
            guard let next = current.effectiveSubcommands.first(where: { $0.name == remaining[index] }) else { break }
            remaining.remove(at: index)
            commands.append(next)
            path.append(next.name)
            if next.name == "help" { break }
        }
        return (path, commands, remaining)
    }

    /// Index of the first word that is neither a flag nor a flag's separate value, with cobra's
    /// `stripFlags` rules: a `--name` or `-n` without `=` that is not a known boolean is assumed to take
    /// the next word, and when at most one word follows it the search stops.
    private func firstWordIndex(_ arguments: [String], flags: [Flag]) -> Int? {
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            index += 1
            if word == "--" { return nil }
            let takesValue: Bool
            if word.hasPrefix("--"), !word.contains("=") {
                let name = word.dropFirst(2)
                takesValue = !flags.contains { $0.name == name && $0.isBool }
            } else if word.hasPrefix("-"), !word.contains("="), word.count == 2, let letter = word.last {
                takesValue = !flags.contains { $0.shorthand == letter && $0.isBool }
            } else if !word.isEmpty, !word.hasPrefix("-") {
                return index - 1
            } else {
                takesValue = false
            }
            if takesValue {
                if arguments.count - index <= 1 { return nil }
                index += 1
            }
        }
        return nil
    }

    /// pflag's `parseArgs` with interspersed positionals.
    private func parseFlags(_ arguments: [String], of command: Command,
                            into values: inout FlagValues) throws(CLIError) -> [String] {
        let flags = command.effectiveFlags
        var positionals: [String] = []
        var queue = arguments[...]
        while let word = queue.popFirst() {
            if word.count < 2 || !word.hasPrefix("-") {
                positionals.append(word)
            } else if word == "--" {
                positionals.append(contentsOf: queue)
                break
            } else if word.hasPrefix("--") {
                try parseLong(word, flags: flags, queue: &queue, into: &values)
            } else {
                try parseShort(word, flags: flags, queue: &queue, into: &values)
            }
        }
        return positionals
    }

    private func parseLong(_ word: String, flags: [Flag], queue: inout ArraySlice<String>,
                           into values: inout FlagValues) throws(CLIError) {
        let body = word.dropFirst(2)
        if body.first == "-" || body.first == "=" { throw CLIError.usage("bad flag syntax: \(word)") }
        let parts = body.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        let name = String(parts[0])
        guard let flag = flags.first(where: { $0.name == name }) else {
            throw CLIError.usage("unknown flag: --\(name)")
        }
        if parts.count == 2 {
            try values.record(flag, text: String(parts[1]))
        } else if flag.isBool {
            try values.record(flag, text: "true")
        } else if let value = queue.popFirst() {
            try values.record(flag, text: value)
        } else {
            throw CLIError.usage("flag needs an argument: --\(name)")
        }
    }

    /// `-abc` is a run of shorthands; a non-bool shorthand takes the rest of the word or the next word.
    private func parseShort(_ word: String, flags: [Flag], queue: inout ArraySlice<String>,
                            into values: inout FlagValues) throws(CLIError) {
        let shorthands = String(word.dropFirst())
        var rest = Substring(shorthands)
        while let letter = rest.first {
            rest = rest.dropFirst()
            guard let flag = flags.first(where: { $0.shorthand == letter }) else {
                throw CLIError.usage("unknown shorthand flag: \(GoSyntax.quote(letter)) in -\(shorthands)")
            }
            if rest.first == "=" {
                try values.record(flag, text: String(rest.dropFirst()))
                return
            } else if flag.isBool {
                try values.record(flag, text: "true")
            } else if !rest.isEmpty {
                try values.record(flag, text: String(rest))
                return
            } else if let value = queue.popFirst() {
                try values.record(flag, text: value)
                return
            } else {
                throw CLIError.usage("flag needs an argument: \(GoSyntax.quote(letter)) in -\(shorthands)")
            }
        }
    }

    private func validate(_ positionals: [String], of command: Command, path: String) throws(CLIError) {
        switch command.arguments {
        case .any:
            return
        case .none:
            if let stray = positionals.first {
                throw CLIError.usage("unknown command \(GoSyntax.quote(stray)) for \(GoSyntax.quote(path))")
            }
        case .exactly(let expected):
            if positionals.count != expected {
                throw CLIError.usage("accepts \(expected) arg(s), received \(positionals.count)")
            }
        case .atLeast(let minimum):
            if positionals.count < minimum {
                throw CLIError.usage("requires at least \(minimum) arg(s), only received \(positionals.count)")
            }
        case .atMost(let maximum):
            if positionals.count > maximum {
                throw CLIError.usage("accepts at most \(maximum) arg(s), received \(positionals.count)")
            }
        case .between(let minimum, let maximum):
            if positionals.count < minimum || positionals.count > maximum {
                throw CLIError.usage("accepts between \(minimum) and \(maximum) arg(s), received \(positionals.count)")
            }
        }
    }

    /// Cobra checks groups in the sorted order of their space-joined names and reports the set members
    /// sorted, so the message is stable whatever order the user typed the flags in.
    private func validateExclusiveGroups(_ command: Command, _ values: FlagValues) throws(CLIError) {
        let declared = Set(command.effectiveFlags.map(\.name))
        let groups = command.mutuallyExclusive
            .filter { $0.allSatisfy(declared.contains) }
            .map { ($0.joined(separator: " "), $0) }
            .sorted { $0.0 < $1.0 }
        for (key, group) in groups {
            let set = group.filter(values.isSet).sorted()
            if set.count > 1 {
                let list = "[" + set.joined(separator: " ") + "]"
                throw CLIError.usage("if any flags in the group [\(key)] are set none of the others can be; \(list) were all set")
            }
        }
    }

    /// `help [command...]`: help for the named command, or cobra's unknown-topic text plus the parent's help.
    private func helpTopic(parent: Command, ancestors: [Command], words: [String]) -> ParseResult {
        var chain = ancestors
        for word in words {
            guard let current = chain.last, let next = current.effectiveSubcommands.first(where: { $0.name == word }) else {
                let topic = "[" + words.map { "`\($0)`" }.joined(separator: " ") + "]"
                return .help("Unknown help topic \(topic)\n" + HelpFormatter.usage(for: ancestors))
            }
            chain.append(next)
        }
        return .help(HelpFormatter.help(for: chain))
    }
}
