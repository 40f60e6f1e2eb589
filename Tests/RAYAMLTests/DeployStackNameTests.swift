import Foundation
import RACloudFormation
import RACore
import Testing

/// Stack names follow CloudFormation's rule: `[a-zA-Z][-a-zA-Z0-9]*`, at most 128 characters.
struct DeployStackNameTests {
    static let pattern = "Member must satisfy regular expression pattern: [a-zA-Z][-a-zA-Z0-9]*"
    static let length = "Member must have length less than or equal to 128"

    @Test("valid names", arguments: ["edge", "E", "edge-01", "a-b-c-1-2-3", String(repeating: "a", count: 128)])
    func valid(_ name: String) throws {
        try Deployer.validateStackName(name)
    }

    @Test("invalid names, in CloudFormation's words", arguments: [
        ("my_stack", "1 validation error detected: Value 'my_stack' at 'stackName' failed to satisfy constraint: \(pattern)"),
        ("1edge", "1 validation error detected: Value '1edge' at 'stackName' failed to satisfy constraint: \(pattern)"),
        ("-edge", "1 validation error detected: Value '-edge' at 'stackName' failed to satisfy constraint: \(pattern)"),
        ("", "1 validation error detected: Value '' at 'stackName' failed to satisfy constraint: \(pattern)"),
        ("édge", "1 validation error detected: Value 'édge' at 'stackName' failed to satisfy constraint: \(pattern)"),
        ("edge stack", "1 validation error detected: Value 'edge stack' at 'stackName' failed to satisfy constraint: \(pattern)"),
        (String(repeating: "a", count: 129),
         "1 validation error detected: Value '\(String(repeating: "a", count: 129))' at 'stackName' failed to satisfy constraint: \(length)"),
        ("_" + String(repeating: "a", count: 128),
         "2 validation errors detected: Value '_\(String(repeating: "a", count: 128))' at 'stackName' failed to satisfy constraint: \(length); "
            + "Value '_\(String(repeating: "a", count: 128))' at 'stackName' failed to satisfy constraint: \(pattern)"),
    ])
    func invalid(_ name: String, _ message: String) throws {
        let error = try #require(throws: DeployError.self) { try Deployer.validateStackName(name) }
        #expect(error.message == message)
    }

    @Test("deploy and undeploy refuse an invalid name before touching the store")
    func refusedByDeployAndUndeploy() throws {
        let fixture = try DeployFixture()
        #expect(throws: DeployError.self) {
            try fixture.deployer.deploy(templateText: ArticleTemplate.yaml, stackName: "my_stack",
                                        parameters: try fixture.parameters(), now: DeployFixture.t0)
        }
        #expect(throws: DeployError.self) { try fixture.deployer.undeploy(stackName: "my_stack") }
        #expect(try fixture.store.revision() == 0)
    }
}
