import Foundation
import RACore
import Testing
@testable import RAUpstream

@Suite struct AssumeRoleRequestTests {
    @Test func parametersFollowTheQueryProtocolNumbering() {
        let request = AssumeRoleRequest(
            roleArn: "arn:aws:iam::123456789012:role/app", roleSessionName: "0a1b", durationSeconds: 900,
            sourceIdentity: "CN=test", tags: [Tag(key: "x509Subject/CN", value: "test"), Tag(key: "x509Subject/OU", value: "Edge")],
            policy: #"{"Version":"2012-10-17"}"#, policyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::1:policy/p"])
        let pairs = request.parameters.map { "\($0.name)=\($0.value)" }
        #expect(pairs == [
            "RoleArn=arn:aws:iam::123456789012:role/app", "RoleSessionName=0a1b", "DurationSeconds=900",
            "SourceIdentity=CN=test", #"Policy={"Version":"2012-10-17"}"#,
            "PolicyArns.member.1.arn=arn:aws:iam::aws:policy/ReadOnlyAccess", "PolicyArns.member.2.arn=arn:aws:iam::1:policy/p",
            "Tags.member.1.Key=x509Subject/CN", "Tags.member.1.Value=test",
            "Tags.member.2.Key=x509Subject/OU", "Tags.member.2.Value=Edge",
        ])
    }

    @Test func optionalParametersAreOmitted() {
        let request = AssumeRoleRequest(roleArn: "arn:aws:iam::1:role/r", roleSessionName: "s1")
        #expect(request.parameters.map(\.name) == ["RoleArn", "RoleSessionName"])
    }

    @Test func formBodyUsesSigV4Encoding() {
        let body = QueryForm.encode([("Action", "AssumeRole"), ("Policy", #"{"a": "b c+d/é"}"#), ("Empty", "")])
        #expect(String(decoding: body, as: UTF8.self)
            == "Action=AssumeRole&Policy=%7B%22a%22%3A%20%22b%20c%2Bd%2F%C3%A9%22%7D&Empty=")
    }

    @Test func webIdentityRequestRedactsTheToken() {
        let request = AssumeRoleWithWebIdentityRequest(roleArn: "arn:aws:iam::1:role/broker", roleSessionName: "srv",
                                                       webIdentityToken: "eyJhbGciOi.secret.sig", durationSeconds: 3600)
        #expect(request.parameters.map { "\($0.name)=\($0.value)" } == [
            "RoleArn=arn:aws:iam::1:role/broker", "RoleSessionName=srv", "WebIdentityToken=eyJhbGciOi.secret.sig",
            "DurationSeconds=3600",
        ])
        #expect(!"\(request)".contains("secret"))
        #expect("\(request)".contains("<redacted>"))
    }
}
