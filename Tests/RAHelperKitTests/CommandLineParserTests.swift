import Testing
@testable import RACommandLine

/// A command tree shaped like the helper's, small enough to read in one screen.
private let tool = Command(
    name: "tool", summary: "A test tool.",
    subcommands: [
        Command(name: "run", summary: "Run it",
                flags: [
                    .string("certificate", usage: "Path to certificate"),
                    .string("cert-selector", usage: "Selector"),
                    .string("system-store-name", default: "MY", usage: "Store name"),
                    .bool("debug", usage: "Debug output"),
                    .int("session-duration", default: 3600, usage: "Duration in seconds"),
                    .stringArray("san", usage: "Subject alternative `name`"),
                    .string("output", shorthand: "o", usage: "Output format"),
                    .bool("verbose", shorthand: "v", usage: "Verbose"),
                ],
                mutuallyExclusive: [["certificate", "cert-selector"], ["certificate", "system-store-name"]]),
        Command(name: "show", summary: "Show one", usageSuffix: "<serial> [flags]", arguments: .exactly(1)),
        Command(name: "plain", summary: "No arguments", arguments: .none),
        Command(name: "ca", summary: "CA commands",
                subcommands: [Command(name: "init", summary: "Create a CA", flags: [.string("name", usage: "CA name")])]),
    ])

private let parser = CommandLineParser(root: tool)

private func invocation(_ arguments: [String]) throws -> Invocation {
    guard case .run(let invocation) = try parser.parse(arguments) else {
        Issue.record("expected an invocation for \(arguments)")
        throw CLIError(message: "not an invocation")
    }
    return invocation
}

private func usageError(_ arguments: [String]) -> String? {
    do {
        _ = try parser.parse(arguments)
        return nil
    } catch {
        #expect(error.kind == .usage)
        #expect(error.exitCode == 1)
        return error.message
    }
}

struct CommandLineParserTests {
    @Test(arguments: [
        (["run", "--certificate", "c.pem"], "c.pem"),
        (["run", "--certificate=c.pem"], "c.pem"),
        (["run", "--certificate=a=b"], "a=b"),
        (["run", "--certificate", "-dash"], "-dash"),
        (["run", "--certificate="], ""),
        (["run", "--certificate", "a", "--certificate", "b"], "b"),
    ])
    func stringFlagSpellings(arguments: [String], expected: String) throws {
        let parsed = try invocation(arguments)
        #expect(parsed.commandPath == ["run"])
        #expect(parsed.flags.string("certificate") == expected)
        #expect(parsed.flags.isSet("certificate"))
    }

    @Test(arguments: [
        ([], false), (["--debug"], true), (["--debug=true"], true), (["--debug=false"], false),
        (["--debug=1"], true), (["--debug=F"], false), (["--debug=TRUE"], true),
    ])
    func boolFlagSpellings(flags: [String], expected: Bool) throws {
        let parsed = try invocation(["run"] + flags)
        #expect(parsed.flags.bool("debug") == expected)
    }

    @Test func separateTrueIsAPositionalNotAValue() throws {
        let parsed = try invocation(["run", "--debug", "false"])
        #expect(parsed.flags.bool("debug"))
        #expect(parsed.arguments == ["false"])
    }

    @Test(arguments: [("3600", 3600), ("900", 900), ("0x10", 16), ("-5", -5), ("0o17", 15), ("1_000", -1), ("010", 8)])
    func intValues(text: String, expected: Int) throws {
        if expected == -1 {
            #expect(usageError(["run", "--session-duration", text])
                == "invalid argument \"\(text)\" for \"--session-duration\" flag: strconv.ParseInt: parsing \"\(text)\": invalid syntax")
        } else {
            #expect(try invocation(["run", "--session-duration=\(text)"]).flags.int("session-duration") == expected)
        }
    }

    @Test func defaultsWhenAbsent() throws {
        let flags = try invocation(["run"]).flags
        #expect(flags.string("certificate") == "")
        #expect(flags.string("system-store-name") == "MY")
        #expect(flags.int("session-duration") == 3600)
        #expect(flags.strings("san") == [])
        #expect(!flags.bool("debug"))
        #expect(flags.explicitlySet.isEmpty)
    }

    @Test func repeatedListFlagKeepsEveryValueWithoutSplitting() throws {
        let flags = try invocation(["run", "--san", "a.example", "--san=b,c", "--san", "d"]).flags
        #expect(flags.strings("san") == ["a.example", "b,c", "d"])
    }

    @Test func shorthandForms() throws {
        #expect(try invocation(["run", "-o", "json"]).flags.string("output") == "json")
        #expect(try invocation(["run", "-ojson"]).flags.string("output") == "json")
        #expect(try invocation(["run", "-o=json"]).flags.string("output") == "json")
        let combined = try invocation(["run", "-vo", "text"]).flags
        #expect(combined.bool("verbose"))
        #expect(combined.string("output") == "text")
    }

    @Test func positionalsInterspersedAndAfterDoubleDash() throws {
        let parsed = try invocation(["run", "one", "--debug", "two", "--", "--certificate", "-x"])
        #expect(parsed.arguments == ["one", "two", "--certificate", "-x"])
        #expect(!parsed.flags.isSet("certificate"))
        #expect(try invocation(["show", "42"]).arguments == ["42"])
    }

    @Test func nestedSubcommands() throws {
        let parsed = try invocation(["ca", "init", "--name", "Root"])
        #expect(parsed.commandPath == ["ca", "init"])
        #expect(parsed.flags.string("name") == "Root")
    }

    @Test(arguments: [
        (["run", "--x"], "unknown flag: --x"),
        (["run", "--x=1"], "unknown flag: --x"),
        (["run", "-certificate", "c.pem"], "unknown shorthand flag: 'c' in -certificate"),
        (["run", "--certificate"], "flag needs an argument: --certificate"),
        (["run", "-o"], "flag needs an argument: 'o' in -o"),
        (["run", "---x"], "bad flag syntax: ---x"),
        (["run", "--=x"], "bad flag syntax: --=x"),
        (["run", "--debug=yes"],
         "invalid argument \"yes\" for \"--debug\" flag: strconv.ParseBool: parsing \"yes\": invalid syntax"),
        (["run", "--verbose=maybe"],
         "invalid argument \"maybe\" for \"-v, --verbose\" flag: strconv.ParseBool: parsing \"maybe\": invalid syntax"),
        (["run", "--session-duration", "1h"],
         "invalid argument \"1h\" for \"--session-duration\" flag: strconv.ParseInt: parsing \"1h\": invalid syntax"),
        (["run", "--session-duration", "99999999999999999999"],
         "invalid argument \"99999999999999999999\" for \"--session-duration\" flag: strconv.ParseInt: parsing \"99999999999999999999\": value out of range"),
        (["nope"], "unknown command \"nope\" for \"tool\""),
        (["show"], "accepts 1 arg(s), received 0"),
        (["show", "1", "2"], "accepts 1 arg(s), received 2"),
        (["plain", "stray"], "unknown command \"stray\" for \"tool plain\""),
    ])
    func errorsCarryPflagAndCobraMessages(arguments: [String], message: String) {
        #expect(usageError(arguments) == message)
    }

    @Test(arguments: [
        (["--certificate", "c", "--cert-selector", "s"],
         "if any flags in the group [certificate cert-selector] are set none of the others can be; [cert-selector certificate] were all set"),
        (["--cert-selector=s", "--certificate=c"],
         "if any flags in the group [certificate cert-selector] are set none of the others can be; [cert-selector certificate] were all set"),
        (["--certificate", "c", "--system-store-name", "MY"],
         "if any flags in the group [certificate system-store-name] are set none of the others can be; [certificate system-store-name] were all set"),
        (["--certificate", "c", "--cert-selector", "s", "--system-store-name", "Root"],
         "if any flags in the group [certificate cert-selector] are set none of the others can be; [cert-selector certificate] were all set"),
    ])
    func mutuallyExclusiveGroups(flags: [String], message: String) {
        #expect(usageError(["run"] + flags) == message)
    }

    /// Cobra's `Find` skips a parent's unknown `--flag value` pair when looking for the subcommand.
    @Test func flagsBeforeTheSubcommandName() throws {
        #expect(try invocation(["--certificate", "c.pem", "run"]).flags.string("certificate") == "c.pem")
        #expect(usageError(["--debug", "run"]) == "unknown flag: --debug")
        #expect(usageError(["--certificate", "run"]) == "unknown flag: --certificate")
    }

    @Test func nonEmptyDefaultCountsOnlyWhenGiven() throws {
        let flags = try invocation(["run", "--certificate", "c"]).flags
        #expect(flags.string("system-store-name") == "MY")
        #expect(!flags.isSet("system-store-name"))
    }

    @Test func helpWinsOverValidation() throws {
        let result = try parser.parse(["run", "--certificate", "c", "--cert-selector", "s", "--help"])
        guard case .help(let text) = result else {
            Issue.record("expected help")
            return
        }
        #expect(text.hasPrefix("Run it\n\nUsage:\n  tool run [flags]\n\nFlags:\n"))
    }

    @Test func helpTextListsFlagsWithDefaults() throws {
        guard case .help(let text) = try parser.parse(["run", "-h"]) else {
            Issue.record("expected help")
            return
        }
        let expected = """
            Run it

            Usage:
              tool run [flags]

            Flags:
                  --cert-selector string       Selector
                  --certificate string         Path to certificate
                  --debug                      Debug output
              -h, --help                       help for run
              -o, --output string              Output format
                  --san name                   Subject alternative name
                  --session-duration int       Duration in seconds (default 3600)
                  --system-store-name string   Store name (default "MY")
              -v, --verbose                    Verbose

            """
        #expect(text == expected)
    }

    @Test func rootWithoutCommandPrintsHelp() throws {
        let expected = """
            A test tool.

            Usage:
              tool [command]

            Available Commands:
              ca          CA commands
              help        Help about any command
              plain       No arguments
              run         Run it
              show        Show one

            Flags:
              -h, --help   help for tool

            Use "tool [command] --help" for more information about a command.

            """
        #expect(try parser.parse([]) == .help(expected))
        #expect(try parser.parse(["--help"]) == .help(expected))
        #expect(try parser.parse(["help"]) == .help(expected))
    }

    @Test func helpCommandShowsTheNamedCommand() throws {
        guard case .help(let text) = try parser.parse(["help", "show"]) else {
            Issue.record("expected help")
            return
        }
        #expect(text == "Show one\n\nUsage:\n  tool show <serial> [flags]\n\nFlags:\n  -h, --help   help for show\n")
        guard case .help(let unknown) = try parser.parse(["help", "bogus"]) else {
            Issue.record("expected help")
            return
        }
        #expect(unknown.hasPrefix("Unknown help topic [`bogus`]\nUsage:\n  tool [command]\n"))
    }

    @Test func groupCommandWithoutSubcommandPrintsItsHelp() throws {
        guard case .help(let text) = try parser.parse(["ca"]) else {
            Issue.record("expected help")
            return
        }
        #expect(text.hasPrefix("CA commands\n\nUsage:\n  tool ca [command]\n\nAvailable Commands:\n  help        Help about any command\n  init        Create a CA\n"))
    }

    @Test func renderedErrors() {
        #expect(CLIError.usage("unknown flag: --x").rendered == "Error: unknown flag: --x")
        #expect(CLIError(message: "unable to parse private key").rendered == "unable to parse private key")
    }
}
