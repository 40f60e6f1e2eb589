import RACommandLine
import RAHelperKit
import RAWire

/// Runs one invocation and says what to print; `main.swift` does the printing and exiting.
enum HelperMain {
    struct Outcome {
        var standardOutput: String
        var exitCode: Int32
    }

    static func run(_ arguments: [String], environment: [String: String]) throws(CLIError) -> Outcome {
        let parser = CommandLineParser(root: HelperCommandLine.root)
        switch try parser.parse(arguments) {
        case .help(let text):
            return Outcome(standardOutput: text, exitCode: 0)
        case .run(let invocation):
            switch invocation.commandPath {
            case ["credential-process"]:
                return Outcome(standardOutput: try credentialProcess(invocation.flags, environment: environment),
                               exitCode: 0)
            case ["version"]:
                return Outcome(standardOutput: HelperVersion.current + "\n", exitCode: 0)
            default:
                throw CLIError(message: "command \(invocation.commandPath.joined(separator: " ")) is not implemented")
            }
        }
    }

    /// The official JSON for the SDKs, without a trailing newline.
    private static func credentialProcess(_ flags: FlagValues, environment: [String: String]) throws(CLIError) -> String {
        let configuration = CredentialFlags.configuration(from: flags, environment: environment)
        let client = CreateSessionClient(configuration: configuration, log: { StandardStreams.writeError($0 + "\n") })
        do {
            return CredentialProcessOutput(credentials: try client.credentials()).encoded()
        } catch {
            throw CLIError(message: error.message)
        }
    }
}
