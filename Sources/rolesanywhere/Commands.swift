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

    static func readFile(_ path: String, what: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIError(message: "cannot read \(what) \(path): \(String(cString: strerror(errno)))")
        }
        return Array(data)
    }
}
