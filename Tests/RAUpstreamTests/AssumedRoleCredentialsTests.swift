import Foundation
import RAWire
import Testing
@testable import RAUpstream

@Suite struct AssumedRoleCredentialsTests {
    let now = Date(timeIntervalSince1970: 1_900_000_000)

    func response(_ document: String) throws -> QueryResponse {
        let root = try XMLResponseReader.parse(document)
        return QueryResponse(root: root, requestId: root.path("ResponseMetadata", "RequestId")?.value, attempts: 2)
    }

    @Test func readsEveryField() throws {
        let expiration = now.addingTimeInterval(900)
        let parsed = try AssumedRoleCredentials(response: response(STSDocuments.assumeRole(expiration: expiration)),
                                                action: "AssumeRole", now: now, minimumValidity: 60)
        #expect(parsed == AssumedRoleCredentials(
            keys: HMACCredentials(accessKeyID: "ASIAUPSTREAMEXAMPLE1", secretAccessKey: "upstream/secret+key",
                                  sessionToken: "upstream-session-token"),
            expiration: expiration, assumedRoleArn: "arn:aws:sts::123456789012:assumed-role/app/sess",
            assumedRoleId: "AROAEXAMPLEID:sess", packedPolicySize: 7, sourceIdentity: "CN=test",
            requestId: "c6104cbe-af31-11e0-8154-cbc7ccf896c7", attempts: 2))
        #expect(!"\(parsed)".contains("upstream/secret+key"))
        #expect(!"\(parsed)".contains("upstream-session-token"))
    }

    @Test(arguments: [
        (["SessionToken"], "the credentials lack SessionToken"),
        (["AccessKeyId", "Expiration"], "the credentials lack AccessKeyId, Expiration"),
        (["SecretAccessKey"], "the credentials lack SecretAccessKey"),
    ])
    func refusesMissingFields(omitted: [String], detail: String) throws {
        let document = STSDocuments.assumeRole(expiration: now.addingTimeInterval(900), omit: Set(omitted))
        #expect(throws: UpstreamCallError(kind: .malformedResponse, service: "STS", action: "AssumeRole", httpStatus: 200,
                                          requestId: "c6104cbe-af31-11e0-8154-cbc7ccf896c7", attempts: 2, detail: detail)) {
            try AssumedRoleCredentials(response: response(document), action: "AssumeRole", now: now, minimumValidity: 60)
        }
    }

    @Test(arguments: [-10.0, 0.0, 59.0])
    func refusesCredentialsThatExpireTooSoon(secondsLeft: Double) throws {
        let document = STSDocuments.assumeRole(expiration: now.addingTimeInterval(secondsLeft))
        let answer = try response(document)
        do throws(UpstreamCallError) {
            _ = try AssumedRoleCredentials(response: answer, action: "AssumeRole", now: now, minimumValidity: 60)
            Issue.record("expected a failure")
        } catch {
            #expect(error.kind == .malformedResponse)
            #expect(error.detail.hasPrefix("the credentials expire at "))
        }
    }

    @Test func refusesADocumentOfAnotherAction() throws {
        let document = STSDocuments.assumeRole(expiration: now.addingTimeInterval(900), action: "GetSessionToken")
        let answer = try response(document)
        do throws(UpstreamCallError) {
            _ = try AssumedRoleCredentials(response: answer, action: "AssumeRole", now: now, minimumValidity: 60)
            Issue.record("expected a failure")
        } catch {
            #expect(error.detail == "the response has no AssumeRoleResult element (root is <GetSessionTokenResponse>)")
        }
    }

    @Test func refusesAnUnreadableExpiration() throws {
        let document = STSDocuments.assumeRole(expiration: now.addingTimeInterval(900))
            .replacingOccurrences(of: RFC3339.format(now.addingTimeInterval(900)), with: "tomorrow")
        let answer = try response(document)
        do throws(UpstreamCallError) {
            _ = try AssumedRoleCredentials(response: answer, action: "AssumeRole", now: now, minimumValidity: 60)
            Issue.record("expected a failure")
        } catch {
            #expect(error.detail == "the credentials' Expiration \"tomorrow\" is not an RFC 3339 time")
        }
    }
}
