import Testing
@testable import RAWire

/// CreateSession request/response bodies and credential_process output, byte for byte.
struct SessionDTOTests {
    @Test("request bodies that parse", arguments: [
        ("", CreateSessionRequestBody()),
        (" \n", CreateSessionRequestBody()),
        ("{}", CreateSessionRequestBody()),
        (#"{"durationSeconds":3600}"#, CreateSessionRequestBody(durationSeconds: 3600)),
        (#"{"durationSeconds":900,"roleSessionName":"job","unknown":[1,{"x":true}],"sessionName":null}"#,
         CreateSessionRequestBody(durationSeconds: 900, roleSessionName: "job")),
        (#"{"profileArn":"p","roleArn":"r","trustAnchorArn":"t","sessionName":"s","instanceProperties":{"k":"v"}}"#,
         CreateSessionRequestBody(instanceProperties: ["k": "v"], profileArn: "p", roleArn: "r", sessionName: "s",
                                  trustAnchorArn: "t")),
    ])
    func requestParses(body: String, expected: CreateSessionRequestBody) throws {
        #expect(try CreateSessionRequestBody.decode(Fixture.bytes(body)) == expected)
    }

    @Test("request bodies that fail, naming the member", arguments: [
        (#"{"durationSeconds":"3600"}"#, "Value at 'durationSeconds' must be an integer."),
        (#"{"durationSeconds":true}"#, "Value at 'durationSeconds' must be an integer."),
        (#"{"roleArn":42}"#, "Value at 'roleArn' must be a string."),
        (#"{"instanceProperties":"x"}"#, "Value at 'instanceProperties' must be an object."),
        (#"{"instanceProperties":{"k":1}}"#, "Value at 'instanceProperties.k' must be a string."),
        ("[]", "The body must be a JSON object."),
        ("{", "The body is not valid JSON."),
        ("durationSeconds=3600", "The body is not valid JSON."),
    ])
    func requestFails(body: String, message: String) {
        #expect(throws: WireError.serialization(message)) { try CreateSessionRequestBody.decode(Fixture.bytes(body)) }
    }

    @Test func requestEncodesLikeTheGoSDK() {
        #expect(Fixture.text(CreateSessionRequestBody(durationSeconds: 3600).encoded()) == #"{"durationSeconds":3600}"#)
        let full = CreateSessionRequestBody(durationSeconds: 900, instanceProperties: ["b": "2", "a": "1"],
                                            profileArn: "p", roleArn: "r", roleSessionName: "n", trustAnchorArn: "t")
        #expect(Fixture.text(full.encoded()) == #"{"durationSeconds":900,"instanceProperties":{"a":"1","b":"2"},"#
            + #""profileArn":"p","roleArn":"r","roleSessionName":"n","trustAnchorArn":"t"}"#)
        #expect(Fixture.text(CreateSessionRequestBody().encoded()) == "{}")
    }

    static let credentials = SessionCredentials(accessKeyId: "ASIAEXAMPLE0000000001", expiration: "2024-07-06T12:38:59Z",
                                                secretAccessKey: "s3cr3t/+=", sessionToken: "tok<en>&")
    static let response = CreateSessionResponse(
        credentialSet: [CredentialResponse(
            assumedRoleUser: AssumedRoleUser(arn: "arn:aws:sts::111122223333:assumed-role/Workload/abc",
                                             assumedRoleId: "AROAEXAMPLE:abc"),
            credentials: credentials, packedPolicySize: 10, roleArn: "arn:aws:iam::111122223333:role/Workload",
            sourceIdentity: "CN=client")],
        subjectArn: "arn:aws:rolesanywhere:us-east-1:111122223333:subject/41cl0bae-6783-40d4-ab20-65dc5d922e45")
    static let responseJSON = #"{"credentialSet":[{"assumedRoleUser":{"arn":"arn:aws:sts::111122223333:assumed-role/"#
        + #"Workload/abc","assumedRoleId":"AROAEXAMPLE:abc"},"credentials":{"accessKeyId":"ASIAEXAMPLE0000000001","#
        + #""expiration":"2024-07-06T12:38:59Z","secretAccessKey":"s3cr3t/+=","sessionToken":"tok<en>&"},"#
        + #""packedPolicySize":10,"roleArn":"arn:aws:iam::111122223333:role/Workload","sourceIdentity":"CN=client"}],"#
        + #""subjectArn":"arn:aws:rolesanywhere:us-east-1:111122223333:subject/41cl0bae-6783-40d4-ab20-65dc5d922e45"}"#

    @Test func responseEncodesInAWSOrder() throws {
        #expect(Fixture.text(Self.response.encoded()) == Self.responseJSON)
        #expect(try CreateSessionResponse.decode(Self.response.encoded()) == Self.response)
    }

    @Test func responseDecodesTheOfficialMockShape() throws {
        // Layout of the official helper's mock server response (signer_test.go), pretty-printed.
        let body = """
            {
              "credentialSet": [{
                "assumedRoleUser": {"arn": "arn:aws:sts::000000000000:assumed-role/ExampleS3WriteRole",
                                    "assumedRoleId": "assumedRoleId"},
                "credentials": {"accessKeyId": "accessKeyId", "expiration": "2022-07-27T04:36:55Z",
                                "secretAccessKey": "secretAccessKey", "sessionToken": "sessionToken"},
                "packedPolicySize": 10,
                "roleArn": "arn:aws:iam::000000000000:role/ExampleS3WriteRole",
                "sourceIdentity": "CN=dummyCert"
              }],
              "subjectArn": "arn:aws:rolesanywhere:us-east-1:000000000000:subject/41cl0bae-6783-40d4-ab20-65dc5d922e45"
            }
            """
        let response = try CreateSessionResponse.decode(Fixture.bytes(body))
        #expect(response.credentialSet.first?.credentials == SessionCredentials(
            accessKeyId: "accessKeyId", expiration: "2022-07-27T04:36:55Z", secretAccessKey: "secretAccessKey",
            sessionToken: "sessionToken"))
        #expect(response.credentialSet.first?.packedPolicySize == 10)
        #expect(response.subjectArn?.hasSuffix("subject/41cl0bae-6783-40d4-ab20-65dc5d922e45") == true)
    }

    @Test("response bodies that fail", arguments: [
        (#"{"credentialSet":[{}]}"#, "Missing required member 'credentialSet[0].credentials'."),
        (#"{"credentialSet":[{"credentials":{"accessKeyId":"a","expiration":"e","secretAccessKey":"s"}}]}"#,
         "Missing required member 'credentialSet[0].credentials.sessionToken'."),
        (#"{"credentialSet":[{"credentials":{"accessKeyId":1,"expiration":"e","secretAccessKey":"s","sessionToken":"t"}}]}"#,
         "Value at 'credentialSet[0].credentials.accessKeyId' must be a string."),
        (#"{"subjectArn":"x"}"#, "Missing required member 'credentialSet'."),
        ("", "The body is not valid JSON."),
    ])
    func responseFails(body: String, message: String) {
        #expect(throws: WireError.serialization(message)) { try CreateSessionResponse.decode(Fixture.bytes(body)) }
    }

    @Test func credentialProcessOutputIsByteExact() {
        let output = CredentialProcessOutput(credentials: Self.credentials)
        #expect(output.encoded() == #"{"Version":1,"AccessKeyId":"ASIAEXAMPLE0000000001","SecretAccessKey":"s3cr3t/+=","#
            + #""SessionToken":"tok\u003cen\u003e\u0026","Expiration":"2024-07-06T12:38:59Z"}"#)
    }

    @Test func credentialProcessOutputEscapesLikeGo() {
        let output = CredentialProcessOutput(accessKeyId: "quote\"back\\slash/", secretAccessKey: "\n\r\t\u{08}\u{0C}\u{01}\u{1F}",
                                             sessionToken: "é\u{2028}\u{2029}😀\u{7F}", expiration: "")
        #expect(output.encoded() == #"{"Version":1,"AccessKeyId":"quote\"back\\slash/","#
            + #""SecretAccessKey":"\n\r\t\b\f\u0001\u001f","SessionToken":"é\u2028\u2029😀"# + "\u{7F}"
            + #"","Expiration":""}"#)
    }

    @Test func secretsAreRedactedInDescriptions() {
        let texts = [String(describing: Self.credentials), String(describing: CredentialProcessOutput(credentials: Self.credentials)),
                     String(describing: HMACCredentials(accessKeyID: "AKID", secretAccessKey: "s3cr3t/+=", sessionToken: "tok<en>&"))]
        for text in texts {
            #expect(!text.contains("s3cr3t"))
            #expect(!text.contains("tok<en>"))
            #expect(text.contains("<redacted>"))
        }
    }
}
