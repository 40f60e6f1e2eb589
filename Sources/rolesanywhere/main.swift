import Foundation
import RACommandLine

// The only place the process exits. Each command returns normally or throws a CLIError.
let parser = CommandLineParser(root: CommandTree.root)
do {
    switch try parser.parse(Array(CommandLine.arguments.dropFirst())) {
    case .help(let text):
        print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
    case .run(let invocation):
        try Commands.run(invocation)
    }
    exit(0)
} catch let error as CLIError {
    FileHandle.standardError.write(Data((error.rendered.hasSuffix("\n") ? error.rendered : error.rendered + "\n").utf8))
    exit(error.exitCode)
} catch {
    FileHandle.standardError.write(Data("rolesanywhere: \(error)\n".utf8))
    exit(1)
}
