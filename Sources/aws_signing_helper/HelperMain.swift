import RACommandLine
import RAHelperKit
import RAWire

/// Runs one invocation and says what to print; `main.swift` does the printing and exiting.
enum HelperMain {
    struct Outcome {
        var standardOutput: String
        var exitCode: Int32
        /// Bytes printed instead of `standardOutput` when set (`sign-string --format bin`).
        var binaryOutput: [UInt8]? = nil
    }

    static func run(_ arguments: [String], environment: [String: String]) throws(CLIError) -> Outcome {
        let parser = CommandLineParser(root: HelperCommandLine.root)
        switch try parser.parse(arguments) {
        case .help(let text):
            return Outcome(standardOutput: text, exitCode: 0)
        case .run(let invocation):
            try IdentityArgument.validate(invocation.flags)
            switch invocation.commandPath {
            case ["credential-process"]:
                return Outcome(standardOutput: try credentialProcess(invocation.flags, environment: environment),
                               exitCode: 0)
            case ["sign-string"]:
                return try SignStringCommand.run(invocation.flags, environment: environment)
            case ["read-certificate-data"]:
                return try ReadCertificateDataCommand.run(invocation.flags, environment: environment)
            case ["diagnose"]:
                return try DiagnoseCommand.run(invocation.flags, environment: environment)
            case ["serve"]:
                return try ServeCommand.run(invocation.flags, environment: environment)
            case ["update"]:
                return try UpdateCommand.run(invocation.flags, environment: environment)
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
            // `--cache` / `--cache-file`: see RAHelperKit's CredentialCache.
            guard flags.bool("cache") || flags.nonEmptyString("cache-file") != nil else {
                return CredentialProcessOutput(credentials: try client.credentials()).encoded()
            }
            var cacheLog: (@Sendable (String) -> Void)?
            if configuration.debug { cacheLog = { StandardStreams.writeError($0 + "\n") } }
            let cache = try CredentialCache(configuration: configuration, file: flags.nonEmptyString("cache-file"),
                                            cacheHome: environment["XDG_CACHE_HOME"], home: environment["HOME"],
                                            log: cacheLog)
            let credentials = try cache.credentials { () throws(HelperError) -> Credentials in try client.credentials() }
            return CredentialProcessOutput(credentials: credentials).encoded()
        } catch {
            throw CLIError(message: error.message)
        }
    }
}
