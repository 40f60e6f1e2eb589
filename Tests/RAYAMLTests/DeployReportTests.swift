import Foundation
import RACloudFormation
import RACore
import RATestSupport
import Testing

/// What a deploy reports for each resource: created, updated, replaced, unchanged or deleted,
/// each resource in exactly one list; unchanged records keep their timestamps.
@Suite struct DeployReportTests {
    static let t0 = DeployFixture.t0
    static let t1 = DeployFixture.t0 + 3600
    static let all = ["EdgeTrustAnchor", "EdgeWorkloadRole", "EdgeProfile"]

    @Test func aFirstDeployCreatesEverything() throws {
        let fixture = try DeployFixture()
        let result = try fixture.deploy(at: Self.t0)
        #expect(result.created == Self.all)
        #expect(result.updated == [] && result.replaced == [] && result.unchanged == [] && result.deleted == [])
    }

    @Test func theSameTemplateAgainChangesNothingAndKeepsTimestamps() throws {
        let fixture = try DeployFixture()
        try fixture.deploy(at: Self.t0)
        let before = try fixture.store.read { tx in (try tx.trustAnchors(), try tx.profiles(), try tx.roles()) }
        let result = try fixture.deploy(at: Self.t1)
        #expect(result.unchanged == Self.all)
        #expect(result.created == [] && result.updated == [] && result.replaced == [] && result.deleted == [])
        let after = try fixture.store.read { tx in (try tx.trustAnchors(), try tx.profiles(), try tx.roles()) }
        #expect(after.0 == before.0)
        #expect(after.1 == before.1)
        #expect(after.2 == before.2)
        #expect(after.0.map(\.updatedAt) == [Self.t0])
        #expect(after.1.map(\.updatedAt) == [Self.t0])
    }

    @Test func aChangedPropertyIsAnUpdateInPlace() throws {
        let fixture = try DeployFixture()
        try fixture.deploy(at: Self.t0)
        let changed = ArticleTemplate.yaml.replacingOccurrences(of: "DurationSeconds: 3600", with: "DurationSeconds: 1800")
        let result = try fixture.deploy(changed, at: Self.t1)
        #expect(result.updated == ["EdgeProfile"])
        #expect(result.unchanged == ["EdgeTrustAnchor", "EdgeWorkloadRole"])
        #expect(result.created == [] && result.replaced == [] && result.deleted == [])
        let profile = try #require(try fixture.store.read { try $0.profiles() }.first)
        #expect(profile.durationSeconds == 1800)
        #expect(profile.createdAt == Self.t0)
        #expect(profile.updatedAt == Self.t1)
    }

    @Test func aRenamedRoleIsReplacedNotDeleted() throws {
        let fixture = try DeployFixture()
        try fixture.deploy(at: Self.t0)
        let renamed = ArticleTemplate.yaml.replacingOccurrences(of: "RoleName: EdgeBackupRole", with: "RoleName: EdgeBackupRoleV2")
        let result = try fixture.deploy(renamed, at: Self.t1)
        #expect(result.replaced == ["EdgeWorkloadRole"])
        #expect(result.updated == ["EdgeProfile"])  // its RoleArns name the new role
        #expect(result.unchanged == ["EdgeTrustAnchor"])
        #expect(result.deleted == [])
        #expect(result.created == [])
        #expect(try fixture.store.read { try $0.roles() }.map(\.roleName) == ["EdgeBackupRoleV2"])

        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.json().utf8)) as? [String: Any])
        #expect(json["replaced"] as? [String] == ["EdgeWorkloadRole"])
        #expect(json["deleted"] as? [String] == [])
        #expect(json["unchanged"] as? [String] == ["EdgeTrustAnchor"])
        #expect(json["updated"] as? [String] == ["EdgeProfile"])
        #expect(json["created"] as? [String] == [])
    }

    @Test func aResourceLeftOutIsDeleted() throws {
        let fixture = try DeployFixture()
        try fixture.deploy(DeployFixture.templateWithCRL, at: Self.t0, withCRL: true)
        let result = try fixture.deploy(at: Self.t1)
        #expect(result.deleted == ["EdgeCRL"])
        #expect(result.unchanged == Self.all)
        #expect(try fixture.store.read { try $0.revocationLists() }.isEmpty)
    }

    @Test func anUnchangedCRLKeepsItsRecord() throws {
        let fixture = try DeployFixture()
        let first = try fixture.deploy(DeployFixture.templateWithCRL, at: Self.t0, withCRL: true)
        #expect(first.created == Self.all + ["EdgeCRL"])
        let before = try fixture.store.read { try $0.revocationLists() }
        let parameters = try fixture.parameters(withCRL: false).merging(["CRLBody": try #require(Self.crlPEM(before))]) { $1 }
        let again = try fixture.deployer.deploy(templateText: DeployFixture.templateWithCRL, stackName: "edge", parameters: parameters,
                                                now: Self.t1)
        #expect(again.unchanged == Self.all + ["EdgeCRL"])
        #expect(try fixture.store.read { try $0.revocationLists() } == before)
        #expect(before.map(\.updatedAt) == [Self.t0])
    }

    /// The stored CRL as PEM, to deploy the very same list again.
    static func crlPEM(_ lists: [RevocationList]) -> String? {
        guard let der = lists.first?.crlData else { return nil }
        let base64 = Data(der).base64EncodedString(options: [.lineLength64Characters, .endLineWithLineFeed])
        return "-----BEGIN X509 CRL-----\n\(base64)\n-----END X509 CRL-----\n"
    }
}
