import RACommandLine
import RAHelperKit

/// `diagnose`: the `credential-process` flags, checked one by one with plain-words findings on
/// stdout; exit 0 when nothing failed, 1 otherwise. Nothing is sent unless `--call` is given.
enum DiagnoseCommand {
    static let command = Command(
        name: "diagnose",
        summary: "Check a credential configuration and explain what would make CreateSession fail",
        details: """
            Checks what credential-process would do with the same flags: that the private key belongs to the \
            certificate, the certificate's validity, key usage and algorithms, its chain against a CA bundle \
            (--ca-bundle), and the ARNs and their regions. Prints the canonical request and the string to sign. \
            With --call it sends the request and explains the server's answer. Exits 1 if any check fails.
            """,
        flags: HelperCommandLine.credentialFlags + [
            .string("ca-bundle", usage: "PEM or DER file with the trust anchor's CA certificate(s), to check the chain against"),
            .bool("call", usage: "Send the CreateSession request and explain the answer"),
        ],
        mutuallyExclusive: HelperCommandLine.credentialExclusions)

    static func run(_ flags: FlagValues, environment: [String: String]) throws(CLIError) -> HelperMain.Outcome {
        let configuration = CredentialFlags.configuration(from: flags, environment: environment)
        let options = DiagnoseOptions(caBundlePath: flags.nonEmptyString("ca-bundle"), call: flags.bool("call"))
        let report = Diagnosis(configuration: configuration, options: options).run()
        return HelperMain.Outcome(standardOutput: report.rendered, exitCode: report.passed ? 0 : 1)
    }
}
