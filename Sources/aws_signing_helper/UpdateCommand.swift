import RACommandLine
import RAHelperKit

/// `update`: writes a profile of the AWS shared credentials file and keeps it fresh, with the
/// official flags; see `CredentialsFileEditor` for what it does differently when editing the file.
enum UpdateCommand {
    static let command = Command(
        name: "update",
        summary: "Updates a profile in the AWS credentials file with new AWS credentials",
        details: """
            Updates a profile in the AWS credentials file with new AWS credentials, and keeps refreshing them \
            before they expire unless --once is given. The file ($AWS_SHARED_CREDENTIALS_FILE or \
            ~/.aws/credentials) is replaced atomically with mode 0600; other profiles, comments and line endings \
            are kept. Transient CreateSession failures are retried with backoff.
            """,
        flags: HelperCommandLine.credentialFlags + [
            .string("profile", default: "default", usage: "profile to update"),
            .bool("once", usage: "to update the profile just once"),
        ] + DaemonOptions.flags(refreshWindow: 300),
        mutuallyExclusive: HelperCommandLine.credentialExclusions)

    /// `--once`: exit 0 after one write, 1 on any failure. Otherwise runs until SIGTERM or SIGINT
    /// (exit 0), or until the file cannot be written (exit 1).
    static func run(_ flags: FlagValues, environment: [String: String]) throws(CLIError) -> HelperMain.Outcome {
        let once = flags.bool("once")
        let daemon = try DaemonOptions(flags, quietByDefault: once)
        let configuration = CredentialFlags.configuration(from: flags, environment: environment)
        do throws(HelperError) {
            let file = try CredentialsFile.location(sharedCredentialsFile: environment["AWS_SHARED_CREDENTIALS_FILE"],
                                                    home: environment["HOME"])
            let provider = CredentialProvider(configuration: configuration, policy: daemon.policy, logger: daemon.logger)
            let updater = CredentialsFileUpdater(file: file, profile: flags.string("profile"), provider: provider,
                                                 logger: daemon.logger)
            if once {
                try ForegroundRun.wait { () async throws(HelperError) in try await updater.updateOnce() }
                return HelperMain.Outcome(standardOutput: "", exitCode: 0)
            }
            switch ForegroundRun.run(stoppingOnSignals: true, { () async throws(HelperError) in try await updater.run() }) {
            case .finished(let result):
                try result.get()
                throw HelperError(.configuration, "the credential provider stopped")
            case .signal(let number):
                daemon.logger.info("Received signal \(number), shutting down")
                provider.stop()
                return HelperMain.Outcome(standardOutput: "", exitCode: 0)
            }
        } catch {
            throw CLIError(message: error.message)
        }
    }
}
