import Foundation
import RACloudFormation
import RACore
import RACrypto
import RATestSupport

/// The article's template deployed into an in-memory store with a test CA as its anchor, at
/// chosen times, so tests can see exactly what each deploy reports and writes.
struct DeployFixture {
    static let t0 = TestPKI.referenceDate
    let pki: TestPKI
    let store = InMemoryStore()
    let deployer: Deployer

    init() throws {
        pki = try TestPKI(now: Self.t0)
        deployer = Deployer(configuration: ServiceConfiguration(), store: store)
    }

    /// The article's template with a CRL resource (by the root, over the anchor) added.
    static var templateWithCRL: String {
        ArticleTemplate.yaml
            .replacingOccurrences(of: "\nResources:", with: "  CRLBody:\n    Type: String\n\nResources:")
            + """

              EdgeCRL:
                Type: AWS::RolesAnywhere::CRL
                Properties:
                  Name: root-crl
                  CrlData: !Ref CRLBody
                  TrustAnchorArn: !GetAtt EdgeTrustAnchor.TrustAnchorArn

            """
    }

    func parameters(withCRL: Bool = false) throws -> [String: String] {
        var values = ["CACertificateBody": pki.root.certificate.pem]
        if withCRL { values["CRLBody"] = try pki.crl(by: pki.root, revoking: [SerialNumber.random()]).pem }
        return values
    }

    @discardableResult
    func deploy(_ template: String = ArticleTemplate.yaml, stack: String = "edge", at date: Date,
                withCRL: Bool = false) throws -> Deployer.Result {
        try deployer.deploy(templateText: template, stackName: stack, parameters: try parameters(withCRL: withCRL), now: date)
    }
}
