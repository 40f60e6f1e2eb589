import Foundation
import RACloudFormation
import RACore
import Testing

/// `undeploy`: a stack's resources and its record go, in one transaction; other stacks stay.
struct DeployUndeployTests {
    @Test func undeployDeletesEveryResourceAndTheStack() throws {
        let fixture = try DeployFixture()
        let deployed = try fixture.deploy(DeployFixture.templateWithCRL, at: DeployFixture.t0, withCRL: true)
        let removal = try fixture.deployer.undeploy(stackName: "edge")
        #expect(removal.stackId == deployed.stack.stackId)
        #expect(removal.deleted.map(\.logicalId) == ["EdgeCRL", "EdgeProfile", "EdgeWorkloadRole", "EdgeTrustAnchor"])
        #expect(removal.deleted == deployed.stack.resources.reversed())
        let left = try fixture.store.read { tx in
            (try tx.trustAnchors().count, try tx.profiles().count, try tx.roles().count, try tx.revocationLists().count,
             try tx.stack(name: "edge") == nil)
        }
        #expect(left.0 == 0 && left.1 == 0 && left.2 == 0 && left.3 == 0)
        #expect(left.4)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(removal.json().utf8)) as? [String: Any])
        #expect(json["stackName"] as? String == "edge")
        #expect(json["stackId"] as? String == deployed.stack.stackId)
        let entries = try #require(json["deleted"] as? [[String: Any]])
        #expect(entries.compactMap { $0["logicalId"] as? String } == ["EdgeCRL", "EdgeProfile", "EdgeWorkloadRole", "EdgeTrustAnchor"])
        #expect(entries[2]["physicalId"] as? String == "EdgeBackupRole")
        #expect(entries[2]["arn"] as? String == "arn:aws:iam::123456789012:role/EdgeBackupRole")
        #expect(entries[2]["type"] as? String == "AWS::IAM::Role")

        // The same stack can be deployed afresh afterwards.
        #expect(try fixture.deploy(at: DeployFixture.t0 + 60).created == ["EdgeTrustAnchor", "EdgeWorkloadRole", "EdgeProfile"])
    }

    @Test func anotherStackIsLeftAlone() throws {
        let fixture = try DeployFixture()
        try fixture.deploy(at: DeployFixture.t0)
        let other = ArticleTemplate.yaml.replacingOccurrences(of: "RoleName: EdgeBackupRole", with: "RoleName: OtherRole")
        try fixture.deploy(other, stack: "other", at: DeployFixture.t0)
        _ = try fixture.deployer.undeploy(stackName: "edge")
        #expect(try fixture.store.read { try $0.roles() }.map(\.roleName) == ["OtherRole"])
        #expect(try fixture.store.read { try $0.stack(name: "other") } != nil)
    }

    @Test func anUnknownStackIsRefusedAndNothingChanges() throws {
        let fixture = try DeployFixture()
        try fixture.deploy(at: DeployFixture.t0)
        let revision = try fixture.store.revision()
        let error = try #require(throws: DeployError.self) { try fixture.deployer.undeploy(stackName: "nope") }
        #expect(error.message == "Stack with id nope does not exist")
        #expect(try fixture.store.revision() == revision)
    }
}
