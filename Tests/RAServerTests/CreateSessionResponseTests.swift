import Foundation
import RACore
import RACrypto
import RAHTTP
import RAServer
import RATestSupport
import Testing

/// `POST /sessions` through the whole application: the 201 body exactly as spec §2.5 shows it.
struct CreateSessionResponseTests {
    @Test("201 with the documented body: keys, types, ARNs and expiration = now + duration", arguments: [
        (CreateSessionRequestFactory.Style.officialHelper, 3600 as Int?, "2027-01-15T09:00:00Z"),
        (.officialHelper, 900, "2027-01-15T08:15:00Z"),
        (.officialHelper, nil, "2027-01-15T09:00:00Z"),
        (.pythonClient, 1800, "2027-01-15T08:30:00Z"),
        (.queryAndBody(), 7200, "2027-01-15T09:00:00Z"),
    ])
    func created(_ style: CreateSessionRequestFactory.Style, _ duration: Int?, _ expiration: String) throws {
        let world = try TestWorld()
        let request = try world.requests.styled(style).request(signedBy: world.client, at: world.now, durationSeconds: duration)
        let response = world.respond(request)
        try #require(response.status == 201, "body: \(response.text)")
        #expect(response.header("Content-Type") == "application/json")
        #expect(response.header("x-amzn-RequestId")?.isEmpty == false)

        let body = try response.jsonObject()
        #expect(Set(body.keys) == ["credentialSet", "subjectArn"])
        let subjectArn = try #require(body["subjectArn"] as? String)
        #expect(subjectArn.hasPrefix("arn:aws:rolesanywhere:us-east-1:123456789012:subject/"))
        let set = try #require(body["credentialSet"] as? [[String: Any]])
        try #require(set.count == 1)
        let entry = set[0]
        #expect(Set(entry.keys) == ["assumedRoleUser", "credentials", "packedPolicySize", "roleArn", "sourceIdentity"])

        let serialHex = world.client.certificate.serialNumber.hexString
        let user = try #require(entry["assumedRoleUser"] as? [String: Any])
        #expect(Set(user.keys) == ["arn", "assumedRoleId"])
        #expect(user["arn"] as? String == "arn:aws:sts::123456789012:assumed-role/EdgeBackupRole/\(serialHex)")
        #expect(user["assumedRoleId"] as? String == "AROAEXAMPLEEDGEBACKUP:\(serialHex)")
        #expect(entry["roleArn"] as? String == "arn:aws:iam::123456789012:role/EdgeBackupRole")
        #expect(entry["sourceIdentity"] as? String == "CN=edge-01")
        let packed = try #require(entry["packedPolicySize"] as? Int)
        #expect((0...100).contains(packed))
        #expect(response.text.contains(#/"packedPolicySize":\d+,/#))

        let credentials = try #require(entry["credentials"] as? [String: Any])
        #expect(Set(credentials.keys) == ["accessKeyId", "expiration", "secretAccessKey", "sessionToken"])
        let accessKeyId = try #require(credentials["accessKeyId"] as? String)
        #expect(accessKeyId.hasPrefix("ASIA") && (16...128).contains(accessKeyId.count))
        #expect((credentials["secretAccessKey"] as? String)?.count == 40)
        #expect((credentials["sessionToken"] as? String)?.isEmpty == false)
        let text = try #require(credentials["expiration"] as? String)
        #expect(text.wholeMatch(of: #/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z/#) != nil)
        #expect(text == expiration)
    }

    @Test("members go on the wire in AWS's order")
    func memberOrder() throws {
        let world = try TestWorld()
        let text = world.respond(try world.request()).text
        let order = ["\"credentialSet\"", "\"assumedRoleUser\"", "\"arn\"", "\"assumedRoleId\"", "\"credentials\"", "\"accessKeyId\"",
                     "\"expiration\"", "\"secretAccessKey\"", "\"sessionToken\"", "\"packedPolicySize\"", "\"roleArn\"",
                     "\"sourceIdentity\"", "\"subjectArn\""]
        let positions = order.compactMap { text.range(of: $0)?.lowerBound }
        #expect(positions.count == order.count)
        #expect(positions == positions.sorted())
        #expect(text.hasPrefix(#"{"credentialSet":[{"assumedRoleUser":{"arn":"arn:aws:sts::123456789012:assumed-role/EdgeBackupRole/"#))
    }

    @Test("the subject is recorded under the certificate's DN and its ARN is the one returned")
    func subjectRecorded() throws {
        let world = try TestWorld()
        let first = try world.respond(try world.request()).jsonObject()["subjectArn"] as? String
        let second = try world.respond(try world.request()).jsonObject()["subjectArn"] as? String
        #expect(first != nil && first == second)
        let subject = try #require(try world.store.read { try $0.subject(x509Subject: "CN=edge-01,OU=DataCenter-Northeast,O=Example Corp") })
        #expect(subject.subjectArn == first)
        #expect(subject.credentials.first?.serialNumber == world.client.certificate.serialNumber.hexString)
        #expect(subject.credentials.first?.failed == false)
    }

    @Test("the access key and secret differ on every session")
    func freshCredentials() throws {
        let world = try TestWorld()
        let a = try world.respond(try world.request()).jsonObject()
        let b = try world.respond(try world.request()).jsonObject()
        func credentials(_ body: [String: Any]) -> [String: Any]? {
            ((body["credentialSet"] as? [[String: Any]])?.first)?["credentials"] as? [String: Any]
        }
        #expect(credentials(a)?["accessKeyId"] as? String != credentials(b)?["accessKeyId"] as? String)
        #expect(credentials(a)?["secretAccessKey"] as? String != credentials(b)?["secretAccessKey"] as? String)
    }

    @Test("a request to the path '/sessions/' still routes to CreateSession")
    func trailingSlashRoutes() throws {
        let world = try TestWorld()
        var request = try world.request()
        request.rawURI = request.rawURI.replacingOccurrences(of: "/sessions?", with: "/sessions/?")
        let response = world.respond(request)
        // The official helper signs the literal "/sessions", so a wire path of "/sessions/" no longer
        // matches the signature; the point is that it reaches CreateSession and is answered as such.
        try expectJSONError(response, status: 403, code: "AccessDeniedException", message: "Invalid signature")
    }
}
