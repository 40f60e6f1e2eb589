import Foundation
import RACloudFormation
import RACommandLine
import RACore

/// `rolesanywhere undeploy`: deletes a stack's resources and the stack itself, all or nothing;
/// prints what was deleted as JSON. A running server sees the change at its next request.
enum UndeployCommand {
    static func run(_ flags: FlagValues) throws {
        let directory = try DataDirectory(try Commands.required(flags, "data-dir"), creating: false)
        let stackName = try Commands.required(flags, "stack-name")
        let store = try directory.openStore()
        // Deleting goes by the stored ids; the account only matters to a binding already recorded.
        let binding = try AccountBinding.recorded(in: store)
        let configuration = binding.map { ServiceConfiguration(accountId: $0.accountId, region: $0.region) } ?? ServiceConfiguration()
        let deployer = Deployer(configuration: configuration, store: store)
        do {
            print(try deployer.undeploy(stackName: stackName).json())
        } catch let error as DeployError {
            throw CLIError(message: "undeploy failed, nothing was changed: \(error.message)")
        }
    }
}
