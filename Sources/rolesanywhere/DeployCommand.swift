import Foundation
import RACloudFormation
import RACommandLine
import RACore

/// `rolesanywhere deploy`: creates or updates a stack from a template (`-` reads standard input);
/// prints the stack as JSON. A running server on the same data dir sees the change at its next request.
enum DeployCommand {
    static func run(_ flags: FlagValues, template path: String) throws {
        let dataDir = try Commands.required(flags, "data-dir")
        let stackName = flags.string("stack-name")
        do { try Deployer.validateStackName(stackName) } catch {
            throw CLIError.usage("--stack-name: \(error.message)")
        }
        let bytes = path == "-" ? try Commands.readStandardInput(what: "template") : try Commands.readFile(path, what: "template")
        let text = String(decoding: bytes, as: UTF8.self)
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
        let directory = try DataDirectory(dataDir)
        let store = try directory.openStore()
        let binding = try directory.accountBinding(flags, store: store)
        let configuration = ServiceConfiguration(accountId: binding.accountId, region: binding.region)
        let deployer = Deployer(configuration: configuration, store: store)
        do {
            let result = try deployer.deploy(templateText: text, stackName: stackName, parameters: parameters, now: Date())
            print(result.json())
        } catch let error as DeployError {
            throw CLIError(message: "deploy failed, nothing was changed: \(error.message)")
        }
    }
}
