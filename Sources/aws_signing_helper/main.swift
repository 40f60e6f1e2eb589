// The only place the process exits: parse, run, print, and map every failure to one stderr line
// and exit code 1, as the official helper does.
let environment = ["AWS_CA_BUNDLE": StandardStreams.environment("AWS_CA_BUNDLE")].compactMapValues { $0 }
do {
    let outcome = try HelperMain.run(Array(CommandLine.arguments.dropFirst()), environment: environment)
    StandardStreams.writeOut(outcome.standardOutput)
    StandardStreams.exit(outcome.exitCode)
} catch {
    StandardStreams.writeError(error.rendered + "\n")
    StandardStreams.exit(error.exitCode)
}
