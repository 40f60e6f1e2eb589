/// A successfully parsed command line: which command to run, with which flags and arguments.
public struct Invocation: Sendable, Equatable {
    /// Command names below the root, e.g. `["credential-process"]`; empty for the root itself.
    public var commandPath: [String]
    public var flags: FlagValues
    /// Positional arguments, in order, including everything after `--`.
    public var arguments: [String]

    public init(commandPath: [String], flags: FlagValues, arguments: [String]) {
        self.commandPath = commandPath
        self.flags = flags
        self.arguments = arguments
    }
}

/// What the parser decided: run a command, or show help (stdout, exit 0).
public enum ParseResult: Sendable, Equatable {
    case run(Invocation)
    case help(String)
}
