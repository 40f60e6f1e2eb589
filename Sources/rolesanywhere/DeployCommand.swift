import Foundation
import RACloudFormation
import RACommandLine
import RACore

/// `rolesanywhere deploy`: creates or updates a stack from a template; prints the stack as JSON.
/// A running server on the same data dir sees the change at its next request.
enum DeployCommand {
    static func run(_ flags: FlagValues, template path: String) throws {
        let directory = try DataDirectory(try Commands.required(flags, "data-dir"))
        let text = String(decoding: try Commands.readFile(path, what: "template"), as: UTF8.self)
        var parameters: [String: String] = [:]
        for assignment in flags.strings("parameter") {
            guard let equals = assignment.firstIndex(of: "="), equals != assignment.startIndex else {
                throw CLIError.usage("--parameter '\(assignment)' must be KEY=VALUE or KEY=@FILE")
            }
            let key = String(assignment[..<equals])
            var value = String(assignment[assignment.index(after: equals)...])
            if value.hasPrefix("@") {
                value = String(decoding: try Commands.readFile(String(value.dropFirst()), what: "parameter file"), as: UTF8.self)
            }
            parameters[key] = value
        }
        let configuration = ServiceConfiguration(accountId: try ServeCommand.accountId(flags.string("account-id")),
                                                 region: try ServeCommand.region(flags.string("region")))
        let deployer = Deployer(configuration: configuration, store: try directory.openStore())
        do {
            let result = try deployer.deploy(templateText: text, stackName: flags.string("stack-name"), parameters: parameters, now: Date())
            print(result.json())
        } catch let error as DeployError {
            throw CLIError(message: "deploy failed, nothing was changed: \(error.message)")
        }
    }
}
