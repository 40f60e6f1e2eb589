/// One node of a command tree, declared as a value so both executables can describe their CLI as data
/// and the parser, help text and tests all read the same declaration.
public struct Command: Sendable, Equatable {
    /// What positional arguments a command accepts, with cobra's messages on violation.
    public enum Arguments: Sendable, Equatable {
        /// Anything (cobra's default for subcommands: extra words are silently ignored).
        case any
        /// None: a stray word is reported as `unknown command "x" for "path"`.
        case none
        case exactly(Int)
        case atLeast(Int)
        case atMost(Int)
        /// Inclusive bounds.
        case between(Int, Int)
    }

    public var name: String
    /// One line for the parent's "Available Commands" list.
    public var summary: String
    /// Longer text at the top of this command's help; the summary is used when empty.
    public var details: String
    /// Words after the command path in the usage line, e.g. `[flags]` or `<serial> [flags]`.
    public var usageSuffix: String
    public var flags: [Flag]
    /// Groups of flag names of which at most one may be set (cobra `MarkFlagsMutuallyExclusive`).
    public var mutuallyExclusive: [[String]]
    public var arguments: Arguments
    public var subcommands: [Command]
    /// A command that only groups subcommands prints its help when invoked on its own.
    public var isRunnable: Bool
    public var isHidden: Bool

    public init(name: String, summary: String, details: String = "", usageSuffix: String? = nil,
                flags: [Flag] = [], mutuallyExclusive: [[String]] = [], arguments: Arguments = .any,
                subcommands: [Command] = [], isRunnable: Bool? = nil, isHidden: Bool = false) {
        self.name = name
        self.summary = summary
        self.details = details
        self.flags = flags
        self.mutuallyExclusive = mutuallyExclusive
        self.arguments = arguments
        self.subcommands = subcommands
        self.isRunnable = isRunnable ?? subcommands.isEmpty
        self.isHidden = isHidden
        self.usageSuffix = usageSuffix ?? (subcommands.isEmpty ? "[flags]" : "[command]")
    }

    func subcommand(named name: String) -> Command? {
        subcommands.first { $0.name == name }
    }

    /// The declared flags plus cobra's implicit `-h/--help`.
    var effectiveFlags: [Flag] {
        if flags.contains(where: { $0.name == "help" }) { return flags }
        let shorthand: Character? = flags.contains(where: { $0.shorthand == "h" }) ? nil : "h"
        return flags + [Flag("help", shorthand: shorthand, .bool(default: false), usage: "help for \(name)")]
    }

    /// Cobra adds a `help` subcommand to every command that has children.
    var effectiveSubcommands: [Command] {
        guard !subcommands.isEmpty, subcommand(named: "help") == nil else { return subcommands }
        let help = Command(name: "help", summary: "Help about any command",
                           details: "Help provides help for any command in the application.\n"
                               + "Simply type \(name) help [path to command] for full details.",
                           usageSuffix: "[command]")
        return subcommands + [help]
    }
}
