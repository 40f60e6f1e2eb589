import Foundation
import Testing

extension EdgeWorkload {
    /// Raw, malformed requests against the live server: each gets an AWS-shaped 4xx, reaches the
    /// audit trail when it reaches the application, and leaves the server serving.
    @Suite struct BadInputTests {
        @Test(arguments: BadInput.allCases)
        func answeredInAWSShapeAndTheServerSurvives(_ input: BadInput) async throws {
            let deployment = try EdgeWorkload.deployment
            let edge = try await deployment.issue("bad-\(input.rawValue)",
                                                  subject: "CN=edge-\(input.rawValue),OU=DataCenter-Northeast,O=Example Corp")
            let der = try await Self.der(of: edge, deployment: deployment)
            let userAgent = "ra-e2e-bad-input/\(input.rawValue)-\(UUID().uuidString.prefix(8))"
            let response = try await input.request(arns: deployment.arns, certificate: edge, certificateDER: der,
                                                   userAgent: userAgent).send(to: deployment)
            let expected = input.expectation

            var reachedApplication = expected.audited
            if input == .sixtyFourKibibyteHeader, response.status == 431 {
                reachedApplication = false  // libmicrohttpd refused it before the application saw it
            } else {
                #expect(response.status == expected.status, "\(response)")
                #expect(response.errorType == expected.code, "\(response)")
                #expect(response.contentType == "application/json", "\(response)")
                let body = try #require(response.body.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) }
                                        as? [String: String], "the body is not a JSON object of strings: \(response)")
                #expect(Set(body.keys) == ["__type", "message"], "\(response)")
                #expect(body["__type"] == expected.code)
                #expect(body["message"]?.contains(expected.message) == true, "\(response)")
            }

            let audited = try await deployment.audit().entries.filter { $0.userAgent == userAgent }
            if reachedApplication {
                #expect(audited.count == 1, "expected one audit record for \(userAgent)")
                #expect(audited.first?.eventName == "CreateSession")
                #expect(audited.first?.errorCode == expected.code)
                #expect(audited.first?.responseElements == nil)
            } else {
                #expect(audited.isEmpty, "a request the application never saw was audited")
            }

            // Still serving: /ping, and a valid CreateSession from the same workload.
            #expect(deployment.server.isRunning, "the server died; log:\n\(deployment.server.log)")
            #expect(try await deployment.server.ping(home: deployment.home))
            _ = try await deployment.credentials(edge)
        }

        static func der(of certificate: ClientCertificate, deployment: EdgeDeployment) async throws -> [UInt8] {
            let path = certificate.certificate + ".der"
            let run = try await Run.run("/usr/bin/openssl", ["x509", "-in", certificate.certificate, "-outform", "DER", "-out", path],
                                        environment: Run.baseEnvironment(home: deployment.home))
            guard run.succeeded, let data = FileManager.default.contents(atPath: path) else {
                throw FixtureError("cannot convert \(certificate.certificate) to DER: \(run)")
            }
            return Array(data)
        }
    }
}
