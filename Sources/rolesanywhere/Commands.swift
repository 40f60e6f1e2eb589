import Foundation
import RACommandLine

/// Dispatches a parsed invocation to the command that implements it.
enum Commands {
    static let version = "0.1.0"

    static func run(_ invocation: Invocation) throws {
        let flags = invocation.flags
        switch invocation.commandPath {
        case ["serve"]: try ServeCommand.run(flags)
        case ["ca", "init"]: try CACommands.initialize(flags)
        case ["ca", "issue"]: try CACommands.issue(flags)
        case ["ca", "revoke"]: try CACommands.revoke(flags, arguments: invocation.arguments)
        case ["ca", "crl"]: try CACommands.crl(flags)
        case ["crl", "import"]: try CRLImportCommand.run(flags, file: invocation.arguments[0])
        case ["deploy"]: try DeployCommand.run(flags, template: invocation.arguments[0])
        case ["undeploy"]: try UndeployCommand.run(flags)
        case ["audit"]: try AuditCommand.run(flags)
        case ["version"]: print("rolesanywhere \(version)")
        default: throw CLIError(message: "rolesanywhere: unknown command \(invocation.commandPath.joined(separator: " "))")
        }
    }

    /// The value of a flag the command cannot do without.
    static func required(_ flags: FlagValues, _ name: String) throws -> String {
        guard let value = flags.nonEmptyString(name) else { throw CLIError.usage("required flag \"\(name)\" not set") }
        return value
    }

    /// The whole content of `path`, read to end of file rather than by the size `stat` reports, so
    /// character devices (`/dev/null`), pipes and process substitutions read like regular files.
    static func readFile(_ path: String, what: String) throws -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw CLIError(message: "cannot read \(what) \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        return try readAll(descriptor, what: "\(what) \(path)")
    }

    /// Standard input to end of file (`deploy -`).
    static func readStandardInput(what: String) throws -> [UInt8] {
        try readAll(STDIN_FILENO, what: "\(what) from standard input")
    }

    static func readAll(_ descriptor: Int32, what: String) throws -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { return bytes }
            if count < 0 {
                if errno == EINTR { continue }
                throw CLIError(message: "cannot read \(what): \(String(cString: strerror(errno)))")
            }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }
}
