import Foundation
import Testing
import RACrypto
import RAHTTPClient
import RAWire
import Synchronization
@testable import RAHelperKit

/// Fixed inputs so every byte of the request is predictable.
private enum Fixture {
    static let trustAnchor = "arn:aws:rolesanywhere:us-east-1:123456789012:trust-anchor/6f6a4a5a-0000-4000-8000-000000000001"
    static let profile = "arn:aws:rolesanywhere:us-east-1:123456789012:profile/6f6a4a5a-0000-4000-8000-000000000002"
    static let role = "arn:aws:iam::123456789012:role/edge workload"
    static let date = Date(timeIntervalSince1970: 1_735_787_045)  // 2025-01-02T03:04:05Z
    static let invocationID = "0f8fad5b-d9cb-469f-a165-70867728950e"
    static let success = """
        {"credentialSet":[{"assumedRoleUser":{"arn":"arn:aws:sts::123456789012:assumed-role/edge/s","assumedRoleId":"AROAEXAMPLE:s"},\
        "credentials":{"accessKeyId":"ASIAEXAMPLE","expiration":"2025-01-02T04:04:05Z","secretAccessKey":"secret/key+1",\
        "sessionToken":"token<&>"},"packedPolicySize":3,"roleArn":"arn:aws:iam::123456789012:role/edge","sourceIdentity":"CN=workload-1"}],\
        "subjectArn":"arn:aws:rolesanywhere:us-east-1:123456789012:subject/s"}
        """

    static func configuration(endpoint: String? = "https://localhost:8443", region: String? = nil,
                              roleSessionName: String? = nil) -> CredentialsConfiguration {
        CredentialsConfiguration(certificate: .file(path: "unused"), trustAnchorArn: trustAnchor, profileArn: profile,
                                 roleArn: role, region: region, endpoint: endpoint, sessionDuration: 900,
                                 roleSessionName: roleSessionName, caBundlePath: "/etc/ca.pem")
    }

    static func client(_ configuration: CredentialsConfiguration, _ transport: FakeTransport,
                       sleeps: SleepLog = SleepLog()) -> CreateSessionClient {
        CreateSessionClient(configuration: configuration, transport: transport, maxAttempts: 3, log: nil,
                            clock: { date }, sleep: { sleeps.record($0) }, invocationID: { invocationID })
    }
}

/// Backoff delays the client asked for, recorded instead of slept.
final class SleepLog: Sendable {
    private let delays = Mutex<[Double]>([])
    func record(_ seconds: Double) { delays.withLock { $0.append(seconds) } }
    var all: [Double] { delays.withLock { $0 } }
}

struct CreateSessionClientTests {
    @Test func requestMatchesTheOfficialHelperHeaderByHeader() throws {
        let pki = try TestIdentity(serial: SerialNumber(bytes: [0x01, 0x2C]))
        let signer = try FileCredentialSigner(certificate: pki.leaf, chain: [pki.intermediate], privateKey: pki.leafKey)
        let transport = FakeTransport(status: 201, body: Fixture.success)
        _ = try Fixture.client(Fixture.configuration(roleSessionName: "session-1"), transport).credentials(using: signer)

        let request = try #require(transport.requests.first)
        #expect(request.method == "POST")
        #expect(request.url == "https://localhost:8443/sessions?"
            + "profileArn=arn%3Aaws%3Arolesanywhere%3Aus-east-1%3A123456789012%3Aprofile%2F6f6a4a5a-0000-4000-8000-000000000002"
            + "&roleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fedge+workload"
            + "&trustAnchorArn=arn%3Aaws%3Arolesanywhere%3Aus-east-1%3A123456789012%3Atrust-anchor%2F6f6a4a5a-0000-4000-8000-000000000001")
        #expect(String(decoding: request.body, as: UTF8.self) == #"{"durationSeconds":900,"roleSessionName":"session-1"}"#)
        let names = request.headers.map(\.name)
        #expect(names == ["Amz-Sdk-Invocation-Id", "Amz-Sdk-Request", "Content-Type", "Host", "X-Amz-X509",
                          "X-Amz-X509-Chain", "X-Amz-Date", "Authorization", "User-Agent"])
        #expect(request.header("Amz-Sdk-Invocation-Id") == Fixture.invocationID)
        #expect(request.header("Amz-Sdk-Request") == "attempt=1; max=3")
        #expect(request.header("Content-Type") == "application/json")
        #expect(request.header("Host") == "localhost:8443")
        #expect(request.header("X-Amz-Date") == "20250102T030405Z")
        #expect(request.header("X-Amz-X509") == Data(pki.leaf.der).base64EncodedString())
        #expect(request.header("X-Amz-X509-Chain") == Data(pki.intermediate.der).base64EncodedString())
        #expect(request.header("User-Agent") == "CredHelper/\(HelperVersion.current) (swift; linux; amd64)")
        let authorization = try #require(request.header("Authorization"))
        #expect(authorization.hasPrefix("AWS4-X509-ECDSA-SHA256 Credential=300/20250102/us-east-1/rolesanywhere/aws4_request, "
            + "SignedHeaders=amz-sdk-invocation-id;amz-sdk-request;content-type;host;x-amz-date;x-amz-x509;x-amz-x509-chain, "
            + "Signature="))
    }

    /// Rebuilds the canonical request by hand from the spec's layout and verifies the signature
    /// with the certificate's public key: independent of RAWire's canonicalisation code.
    @Test(arguments: [PrivateKey.KeyType.ecP256, .ecP384, .rsa2048])
    func signatureVerifiesOverTheSpecCanonicalRequest(keyType: PrivateKey.KeyType) throws {
        let pki = try TestIdentity(leafKey: keyType)
        let signer = try FileCredentialSigner(certificate: pki.leaf, privateKey: pki.leafKey)
        let transport = FakeTransport(status: 201, body: Fixture.success)
        _ = try Fixture.client(Fixture.configuration(endpoint: "http://127.0.0.1:8080/base/"), transport)
            .credentials(using: signer)
        let request = try #require(transport.requests.first)
        #expect(request.url.hasPrefix("http://127.0.0.1:8080/base/sessions?profileArn="))
        let query = try #require(request.url.split(separator: "?", maxSplits: 1).last).replacingOccurrences(of: "+", with: "%20")
        let bodyHash = Hex.encode(SHA256.hash(request.body))
        let canonical = """
            POST
            /sessions
            \(query)
            amz-sdk-invocation-id:\(Fixture.invocationID)
            amz-sdk-request:attempt=1; max=3
            content-type:application/json
            host:127.0.0.1:8080
            x-amz-date:20250102T030405Z
            x-amz-x509:\(Data(pki.leaf.der).base64EncodedString())

            amz-sdk-invocation-id;amz-sdk-request;content-type;host;x-amz-date;x-amz-x509
            \(bodyHash)
            """
        let algorithm = keyType == .rsa2048 ? "AWS4-X509-RSA-SHA256" : "AWS4-X509-ECDSA-SHA256"
        let stringToSign = "\(algorithm)\n20250102T030405Z\n20250102/us-east-1/rolesanywhere/aws4_request\n"
            + Hex.encode(SHA256.hash(Array(canonical.utf8)))
        let authorization = try AuthorizationHeader.parse(try #require(request.header("Authorization")))
        #expect(authorization.algorithm.rawValue == algorithm)
        #expect(authorization.credentialID == pki.leaf.serialNumber.decimalString)
        let signature = try #require(Hex.decode(authorization.signature))
        #expect(pki.leaf.publicKey.isValidSignature(signature, for: Array(stringToSign.utf8)))
        #expect(!pki.leaf.publicKey.isValidSignature(signature, for: Array((stringToSign + "x").utf8)))
    }

    @Test func defaultEndpointAndRegionOverride() throws {
        let pki = try TestIdentity()
        let signer = try FileCredentialSigner(certificate: pki.leaf, privateKey: pki.leafKey)
        let transport = FakeTransport([
            .response(HTTPClient.Response(status: 201, body: Array(Fixture.success.utf8))),
            .response(HTTPClient.Response(status: 201, body: Array(Fixture.success.utf8))),
        ])
        _ = try Fixture.client(Fixture.configuration(endpoint: nil), transport).credentials(using: signer)
        _ = try Fixture.client(Fixture.configuration(endpoint: nil, region: "cn-north-1"), transport).credentials(using: signer)
        let requests = transport.requests
        #expect(requests[0].url.hasPrefix("https://rolesanywhere.us-east-1.amazonaws.com/sessions?"))
        #expect(requests[0].header("Host") == "rolesanywhere.us-east-1.amazonaws.com")
        #expect(requests[0].header("Authorization")?.contains("/20250102/us-east-1/rolesanywhere/aws4_request") == true)
        #expect(requests[1].url.hasPrefix("https://rolesanywhere.cn-north-1.amazonaws.com.cn/sessions?"))
        #expect(requests[1].header("Authorization")?.contains("/20250102/cn-north-1/rolesanywhere/aws4_request") == true)
        #expect(transport.requests[0].body == Array(#"{"durationSeconds":900}"#.utf8))
    }

    @Test func transportOptionsFollowTheConfiguration() throws {
        let pki = try TestIdentity()
        let signer = try FileCredentialSigner(certificate: pki.leaf, privateKey: pki.leafKey)
        var configuration = Fixture.configuration()
        configuration.noVerifySSL = true
        let transport = FakeTransport(status: 201, body: Fixture.success)
        _ = try Fixture.client(configuration, transport).credentials(using: signer)
        let options = try #require(transport.options.first)
        #expect(options.caBundlePath == "/etc/ca.pem")
        #expect(!options.verifyTLS)
        #expect(options.useEnvironmentProxy)
    }

    @Test(arguments: [
        ("arn:aws:rolesanywhere", Fixture.profile, "failed to parse trust anchor arn: 'arn: not enough sections'"),
        ("trust-anchor/1", Fixture.profile, "failed to parse trust anchor arn: 'arn: invalid prefix'"),
        (Fixture.trustAnchor, "", "failed to parse profile arn: 'arn: invalid prefix'"),
        (Fixture.trustAnchor, "arn:aws:rolesanywhere:eu-west-1:123456789012:profile/p", "trust anchor and profile regions don't match"),
    ])
    func arnProblemsUseTheOfficialMessages(trustAnchor: String, profile: String, expected: String) throws {
        let pki = try TestIdentity()
        let signer = try FileCredentialSigner(certificate: pki.leaf, privateKey: pki.leafKey)
        var configuration = Fixture.configuration(region: "us-east-1")
        configuration.trustAnchorArn = trustAnchor
        configuration.profileArn = profile
        let transport = FakeTransport([])
        let error = #expect(throws: HelperError.self) {
            try Fixture.client(configuration, transport).credentials(using: signer)
        }
        #expect(error?.message == expected)
        #expect(error?.code == .configuration)
        #expect(transport.requests.isEmpty)
    }

    @Test func successDecodesCredentialsAndTheProcessOutputIsByteExact() throws {
        let pki = try TestIdentity()
        let signer = try FileCredentialSigner(certificate: pki.leaf, privateKey: pki.leafKey)
        let credentials = try Fixture.client(Fixture.configuration(), FakeTransport(status: 200, body: Fixture.success))
            .credentials(using: signer)
        #expect(credentials.accessKeyId == "ASIAEXAMPLE")
        #expect(credentials.expiration == "2025-01-02T04:04:05Z")
        #expect(CredentialProcessOutput(credentials: credentials).encoded()
            == #"{"Version":1,"AccessKeyId":"ASIAEXAMPLE","SecretAccessKey":"secret/key+1","SessionToken":"token\u003c\u0026\u003e","Expiration":"2025-01-02T04:04:05Z"}"#)
    }

    @Test(arguments: [
        (403, [("X-Amzn-ErrorType", "AccessDeniedException"), ("x-amzn-RequestId", "req-1")],
         #"{"message":"Untrusted Signing Certificate"}"#,
         "operation error RolesAnywhere: CreateSession, https response error StatusCode: 403, RequestID: req-1, AccessDeniedException: Untrusted Signing Certificate"),
        (403, [("x-amzn-RequestId", "req-2")], #"{"__type":"com.amazonaws.rolesanywhere#AccessDeniedException","message":"Invalid signature"}"#,
         "operation error RolesAnywhere: CreateSession, https response error StatusCode: 403, RequestID: req-2, AccessDeniedException: Invalid signature"),
        (400, [("X-Amzn-ErrorType", "ValidationException:http://internal.amazon.com/coral/")], #"{"Message":"bad duration"}"#,
         "operation error RolesAnywhere: CreateSession, https response error StatusCode: 400, RequestID: , ValidationException: bad duration"),
        (404, [], #"{"code":"ResourceNotFoundException"}"#,
         "operation error RolesAnywhere: CreateSession, https response error StatusCode: 404, RequestID: , ResourceNotFoundException: "),
        (400, [("X-Amz-Request-Id", "r3")], #"{"code":"TooManyTagsException","message":"tags"}"#,
         "operation error RolesAnywhere: CreateSession, https response error StatusCode: 400, RequestID: r3, api error TooManyTagsException: tags"),
        (401, [], "",
         "operation error RolesAnywhere: CreateSession, https response error StatusCode: 401, RequestID: , api error UnknownError: UnknownError"),
        (403, [], "<html>denied</html>",
         "operation error RolesAnywhere: CreateSession, https response error StatusCode: 403, RequestID: , deserialization failed, failed to decode response body, the body is not JSON"),
    ])
    func serviceErrorsAreFormattedLikeTheSDK(status: Int, headers: [(String, String)], body: String, expected: String) throws {
        let pki = try TestIdentity()
        let signer = try FileCredentialSigner(certificate: pki.leaf, privateKey: pki.leafKey)
        let transport = FakeTransport(status: status, headers: headers.map { (name: $0.0, value: $0.1) }, body: body)
        let error = #expect(throws: HelperError.self) {
            try Fixture.client(Fixture.configuration(), transport).credentials(using: signer)
        }
        #expect(error?.message == expected)
        #expect(transport.requests.count == 1)
    }

    @Test(arguments: [
        (#"{"credentialSet":[]}"#, "unable to obtain temporary security credentials from CreateSession"),
        (#"{"credentialSet":[{"credentials":{"accessKeyId":"A"}}]}"#,
         "operation error RolesAnywhere: CreateSession, https response error StatusCode: 201, RequestID: , deserialization failed, failed to decode response body, "),
    ])
    func unusableSuccessBodies(body: String, expectedPrefix: String) throws {
        let pki = try TestIdentity()
        let signer = try FileCredentialSigner(certificate: pki.leaf, privateKey: pki.leafKey)
        let error = #expect(throws: HelperError.self) {
            try Fixture.client(Fixture.configuration(), FakeTransport(status: 201, body: body)).credentials(using: signer)
        }
        #expect(error?.message.hasPrefix(expectedPrefix) == true)
        #expect(error?.code == .response)
    }

    @Test func transientFailuresAreRetriedWithFreshSignatures() throws {
        let pki = try TestIdentity()
        let signer = try FileCredentialSigner(certificate: pki.leaf, privateKey: pki.leafKey)
        let unavailable = HTTPClient.Response(status: 503, headers: [("X-Amzn-ErrorType", "ServiceUnavailableException")],
                                              body: Array(#"{"message":"busy"}"#.utf8))
        let transport = FakeTransport([
            .failure(HTTPClientError(kind: .couldNotConnect, curlCode: 7, message: "Couldn't connect to server")),
            .response(unavailable),
            .response(HTTPClient.Response(status: 201, body: Array(Fixture.success.utf8))),
        ])
        let sleeps = SleepLog()
        let credentials = try Fixture.client(Fixture.configuration(), transport, sleeps: sleeps).credentials(using: signer)
        #expect(credentials.accessKeyId == "ASIAEXAMPLE")
        #expect(transport.requests.map { $0.header("Amz-Sdk-Request") } == ["attempt=1; max=3", "attempt=2; max=3", "attempt=3; max=3"])
        #expect(Set(transport.requests.map { $0.header("Amz-Sdk-Invocation-Id") }) == [Fixture.invocationID])
        #expect(Set(transport.requests.compactMap { $0.header("Authorization") }).count == 3)
        #expect(sleeps.all.count == 2)
        #expect(sleeps.all[0] >= 0 && sleeps.all[0] < 2)
        #expect(sleeps.all[1] >= 0 && sleeps.all[1] < 4)
    }

    @Test func exhaustedRetriesSayHowManyAttemptsWereMade() throws {
        let pki = try TestIdentity()
        let signer = try FileCredentialSigner(certificate: pki.leaf, privateKey: pki.leafKey)
        let refused = HTTPClientError(kind: .couldNotConnect, curlCode: 7, message: "Couldn't connect to server")
        let transport = FakeTransport([.failure(refused), .failure(refused), .failure(refused)])
        let error = #expect(throws: HelperError.self) {
            try Fixture.client(Fixture.configuration(endpoint: "https://localhost:1"), transport).credentials(using: signer)
        }
        let url = try #require(transport.requests.first?.url)
        #expect(error?.message == "operation error RolesAnywhere: CreateSession, exceeded maximum number of attempts, 3, "
            + "https response error StatusCode: 0, RequestID: , request send failed, Post \"\(url)\": Couldn't connect to server")
        #expect(error?.code == .transport)
        #expect(transport.requests.count == 3)
    }

    @Test func aTLSHandshakeResetByTheServerIsRetried() throws {
        let pki = try TestIdentity()
        let signer = try FileCredentialSigner(certificate: pki.leaf, privateKey: pki.leafKey)
        let reset = HTTPClientError(kind: .tls, curlCode: 35, message: "SSL connect error: Recv failure: Connection reset by peer")
        let transport = FakeTransport([
            .failure(reset),
            .response(HTTPClient.Response(status: 201, body: Array(Fixture.success.utf8))),
        ])
        let credentials = try Fixture.client(Fixture.configuration(), transport, sleeps: SleepLog()).credentials(using: signer)
        #expect(credentials.accessKeyId == "ASIAEXAMPLE")
        #expect(transport.requests.count == 2)
    }

    @Test(arguments: [
        FakeTransport.Answer.failure(HTTPClientError(kind: .tls, curlCode: 60, message: "SSL certificate problem: self-signed certificate")),
        .response(HTTPClient.Response(status: 403, body: Array(#"{"message":"no"}"#.utf8))),
        .response(HTTPClient.Response(status: 400, body: Array(#"{"__type":"ValidationException"}"#.utf8))),
    ])
    func permanentFailuresAreNotRetried(answer: FakeTransport.Answer) throws {
        let pki = try TestIdentity()
        let signer = try FileCredentialSigner(certificate: pki.leaf, privateKey: pki.leafKey)
        let transport = FakeTransport([answer, answer, answer])
        let error = #expect(throws: HelperError.self) {
            try Fixture.client(Fixture.configuration(), transport).credentials(using: signer)
        }
        #expect(transport.requests.count == 1)
        #expect(error?.isTransient == false, "serve and update must not retry this forever")
    }

    @Test func loadsTheSignerFromFilesOnEveryCall() throws {
        let pki = try TestIdentity()
        var configuration = Fixture.configuration()
        configuration.certificate = .file(path: try pki.write("cert.pem", pki.leaf.pem))
        configuration.privateKey = .file(path: try pki.write("key.pem", pki.leafKey.pkcs8PEM()))
        let transport = FakeTransport(status: 201, body: Fixture.success)
        _ = try Fixture.client(configuration, transport).credentials()
        #expect(transport.requests.first?.header("X-Amz-X509") == Data(pki.leaf.der).base64EncodedString())
        configuration.certificate = .file(path: pki.path("gone.pem"))
        let error = #expect(throws: HelperError.self) { try Fixture.client(configuration, transport).credentials() }
        #expect(error?.message == "failed to read certificate: open \(pki.path("gone.pem")): no such file or directory")
    }

    @Test(arguments: [
        ("AccessDeniedException", "AccessDeniedException"),
        ("aws.protocols#ValidationException", "ValidationException"),
        ("ValidationException:http://internal.amazon.com/coral/com.amazon.coral.validate/", "ValidationException"),
        ("a#b#ThrottlingException:x:y", "ThrottlingException"),
    ])
    func errorCodeSanitisation(raw: String, expected: String) {
        #expect(ServiceFailureDecoder.sanitize(raw) == expected)
    }

    @Test(arguments: [
        ("https://localhost:8443", "https", "localhost:8443", ""),
        ("http://127.0.0.1:9911/prefix/", "http", "127.0.0.1:9911", "/prefix"),
        ("localhost:8443", "https", "localhost:8443", ""),
        ("HTTPS://user@host.example/a/b?x=1", "https", "host.example", "/a/b"),
    ])
    func endpointParsing(text: String, scheme: String, authority: String, basePath: String) throws {
        let endpoint = try SessionEndpoint(baseURL: text)
        #expect(endpoint.scheme == scheme)
        #expect(endpoint.authority == authority)
        #expect(endpoint.basePath == basePath)
    }

    @Test func endpointWithAnotherSchemeIsRejected() {
        let error = #expect(throws: HelperError.self) { try SessionEndpoint(baseURL: "ftp://host") }
        #expect(error?.message == "invalid endpoint ftp://host: the scheme must be https or http")
    }
}
