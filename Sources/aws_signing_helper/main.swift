// The only place the process exits: parse, run, print, and map every failure to one stderr line
// and exit code 1, as the official helper does.
// The whole environment: `env:NAME` arguments may name any variable.
let environment = ProcessEnvironment.current()
do {
    let outcome = try HelperMain.run(Array(CommandLine.arguments.dropFirst()), environment: environment)
    if let bytes = outcome.binaryOutput {
        StandardStreams.writeOut(bytes)
    } else {
        StandardStreams.writeOut(outcome.standardOutput)
    }
    StandardStreams.exit(outcome.exitCode)
} catch {
    StandardStreams.writeError(error.rendered + "\n")
    StandardStreams.exit(error.exitCode)
}
