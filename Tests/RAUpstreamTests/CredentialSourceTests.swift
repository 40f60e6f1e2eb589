import Foundation
import RACore
import RAWire
import Testing
@testable import RAUpstream

@Suite struct CredentialSourceTests {
    let clock = FixedClock(Date(timeIntervalSince1970: 1_900_000_000))

    // MARK: environment

    @Test func environmentKeysWithTokenAndExpiration() throws {
        let source = EnvironmentCredentialSource(environment: [
            "AWS_ACCESS_KEY_ID": "AKIAENV", "AWS_SECRET_ACCESS_KEY": "envsecret", "AWS_SESSION_TOKEN": "envtoken",
            "AWS_CREDENTIAL_EXPIRATION": "2030-03-17T18:46:40Z",
        ])
        #expect(try source.resolve(now: clock.now()) == .found(UpstreamCredentials(
            keys: HMACCredentials(accessKeyID: "AKIAENV", secretAccessKey: "envsecret", sessionToken: "envtoken"),
            expiration: Date(timeIntervalSince1970: 1_900_003_600), source: "environment")))
    }

    @Test(arguments: [
        ([:], nil),
        (["AWS_ACCESS_KEY_ID": ""], nil),
        (["AWS_ACCESS_KEY_ID": "AKIA"], "environment: AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not"),
        (["AWS_SECRET_ACCESS_KEY": "s"], "environment: AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not"),
        (["AWS_ACCESS_KEY_ID": "A", "AWS_SECRET_ACCESS_KEY": "s", "AWS_CREDENTIAL_EXPIRATION": "soon"],
         "environment: AWS_CREDENTIAL_EXPIRATION is not an RFC 3339 time"),
        (["AWS_ACCESS_KEY_ID": "A", "AWS_SECRET_ACCESS_KEY": "s", "AWS_CREDENTIAL_EXPIRATION": "2020-01-01T00:00:00Z"],
         "environment: the credentials expired at 2020-01-01T00:00:00Z"),
    ] as [([String: String], String?)])
    func environmentIncompleteOrAbsent(environment: [String: String], failure: String?) {
        let source = EnvironmentCredentialSource(environment: environment)
        do {
            let resolution = try source.resolve(now: clock.now())
            #expect(failure == nil)
            #expect(resolution == .absent("environment: AWS_ACCESS_KEY_ID is not set"))
        } catch {
            #expect(error.description == failure)
        }
    }

    // MARK: shared files

    @Test func sharedFilesSelectTheProfileAndPreferTheCredentialsFile() throws {
        let dir = try TemporaryDirectory()
        let credentials = try dir.write("credentials", """
            [default]
            aws_access_key_id = AKIADEFAULT
            aws_secret_access_key = defaultsecret
            [ops]
            aws_access_key_id = AKIAOPS
            aws_secret_access_key = opssecret
            aws_session_token = opstoken
            """)
        let config = try dir.write("config", """
            [profile ops]
            aws_access_key_id = AKIAFROMCONFIG
            aws_secret_access_key = configsecret
            credential_process = /bin/false
            [profile configonly]
            aws_access_key_id = AKIACONFIG
            aws_secret_access_key = configonlysecret
            """)
        let cases: [(String?, HMACCredentials, String)] = [
            (nil, HMACCredentials(accessKeyID: "AKIADEFAULT", secretAccessKey: "defaultsecret"), "profile default in \(credentials)"),
            ("ops", HMACCredentials(accessKeyID: "AKIAOPS", secretAccessKey: "opssecret", sessionToken: "opstoken"),
             "profile ops in \(credentials)"),
            ("configonly", HMACCredentials(accessKeyID: "AKIACONFIG", secretAccessKey: "configonlysecret"),
             "profile configonly in \(config)"),
        ]
        for (profile, keys, origin) in cases {
            var environment = ["HOME": "/nonexistent", "AWS_SHARED_CREDENTIALS_FILE": credentials, "AWS_CONFIG_FILE": config]
            if let profile { environment["AWS_PROFILE"] = profile }
            let resolution = try SharedProfileSource(environment: environment).resolve(now: clock.now())
            #expect(resolution == .found(UpstreamCredentials(keys: keys, expiration: nil, source: origin)))
        }
    }

    @Test func defaultLocationsComeFromHome() throws {
        let dir = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir.path + "/.aws", withIntermediateDirectories: true)
        try dir.write(".aws/credentials", "[default]\naws_access_key_id=AKIAHOME\naws_secret_access_key=homesecret\n")
        let source = SharedProfileSource(environment: ["HOME": dir.path + "/"])
        #expect(source.credentialsFile == dir.path + "/.aws/credentials")
        #expect(source.configFile == dir.path + "/.aws/config")
        #expect(source.profile == "default")
        #expect(!source.profileIsExplicit)
        let resolution = try source.resolve(now: clock.now())
        guard case .found(let found) = resolution else { Issue.record("expected credentials"); return }
        #expect(found.keys == HMACCredentials(accessKeyID: "AKIAHOME", secretAccessKey: "homesecret"))
    }

    @Test func missingProfileIsSkippedUnlessNamed() throws {
        let dir = try TemporaryDirectory()
        let credentials = try dir.write("credentials", "[other]\naws_access_key_id=A\naws_secret_access_key=s\n")
        let config = dir.path + "/absent-config"
        let implicit = SharedProfileSource(credentialsFile: credentials, configFile: config)
        #expect(try implicit.resolve(now: clock.now())
            == .absent("profile default: not found in \(credentials) or \(config)"))
        let explicit = SharedProfileSource(credentialsFile: credentials, configFile: config, profile: "ops", profileIsExplicit: true)
        #expect(throws: UpstreamCredentialError(source: "profile ops", message: "not found in \(credentials) or \(config)")) {
            try explicit.resolve(now: clock.now())
        }
    }

    @Test(arguments: [
        ("[default]\naws_access_key_id = A\n", "aws_access_key_id is set but aws_secret_access_key is not"),
        ("[default]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = base\n",
         "uses role_arn, source_profile, which the server does not resolve; use static keys, credential_process or a web identity source instead"),
    ])
    func brokenProfilesAreErrorsNotSkips(text: String, message: String) throws {
        let dir = try TemporaryDirectory()
        let credentials = try dir.write("credentials", text)
        let source = SharedProfileSource(credentialsFile: credentials, configFile: nil)
        #expect(throws: UpstreamCredentialError(source: "profile default", message: message)) {
            try source.resolve(now: clock.now())
        }
    }

    // MARK: credential_process

    @Test func credentialProcessFromConfigRunsWithTheGivenEnvironment() throws {
        let dir = try TemporaryDirectory()
        let script = try dir.write("creds.sh", """
            #!/bin/sh
            printf '{"Version": 1, "AccessKeyId": "AKIAPROC", "SecretAccessKey": "%s", "SessionToken": "proctoken", "Expiration": "2030-03-17T18:46:40Z"}' "$PROC_SECRET"
            """, executable: true)
        let config = try dir.write("config", "[profile broker]\ncredential_process = \"\(script)\" --ignored \"arg with space\"\n")
        let environment = ["PATH": "/usr/bin:/bin", "PROC_SECRET": "from-the-map", "AWS_CONFIG_FILE": config,
                           "AWS_SHARED_CREDENTIALS_FILE": dir.path + "/none", "AWS_PROFILE": "broker"]
        let resolution = try SharedProfileSource(environment: environment).resolve(now: clock.now())
        #expect(resolution == .found(UpstreamCredentials(
            keys: HMACCredentials(accessKeyID: "AKIAPROC", secretAccessKey: "from-the-map", sessionToken: "proctoken"),
            expiration: Date(timeIntervalSince1970: 1_900_003_600), source: "credential_process (profile broker)")))
    }

    @Test(arguments: [
        ("echo 'no keys here' >&2; exit 3", "the command exited with status 3: no keys here"),
        ("echo not-json", "the output is not the expected JSON object"),
        (#"echo '{"Version": 2, "AccessKeyId": "A", "SecretAccessKey": "s"}'"#, "the output's Version is 2, expected 1"),
        (#"echo '{"Version": 1, "SecretAccessKey": "s"}'"#, "the output has no AccessKeyId"),
        (#"echo '{"Version": 1, "AccessKeyId": "A"}'"#, "the output has no SecretAccessKey"),
        (#"echo '{"Version": 1, "AccessKeyId": "A", "SecretAccessKey": "s", "Expiration": "2001-01-01T00:00:00Z"}'"#,
         "the credentials expired at 2001-01-01T00:00:00Z"),
        (#"echo '{"Version": 1, "AccessKeyId": "A", "SecretAccessKey": "s", "Expiration": "later"}'"#,
         "the output's Expiration is not an RFC 3339 time"),
        ("kill -9 $$", "the command was killed by signal 9"),
    ])
    func credentialProcessFailuresAreExplainedWithoutTheOutput(command: String, message: String) {
        let process = CredentialProcess(command: command, environment: ["PATH": "/usr/bin:/bin"], label: "credential_process (test)")
        #expect(throws: UpstreamCredentialError(source: "credential_process (test)", message: message)) {
            try process.run(now: clock.now())
        }
    }

    @Test func credentialProcessWithoutExpirationIsLongTerm() throws {
        let process = CredentialProcess(command: #"echo '{"Version": 1, "AccessKeyId": "A", "SecretAccessKey": "s"}'"#,
                                        environment: ["PATH": "/usr/bin:/bin"])
        let credentials = try process.run(now: clock.now())
        #expect(credentials == UpstreamCredentials(keys: HMACCredentials(accessKeyID: "A", secretAccessKey: "s"),
                                                   expiration: nil, source: "credential_process"))
    }

    @Test func credentialProcessIsStoppedAfterItsTimeout() {
        let process = CredentialProcess(command: "exec sleep 10", environment: ["PATH": "/usr/bin:/bin"], timeoutSeconds: 0.5)
        let started = Date()
        #expect(throws: UpstreamCredentialError(source: "credential_process", message: "the command did not finish within 0.5 s")) {
            try process.run(now: clock.now())
        }
        #expect(Date().timeIntervalSince(started) < 5)
    }

    // MARK: chain

    @Test func chainStopsAtTheFirstSourceWithCredentials() throws {
        let dir = try TemporaryDirectory()
        let credentials = try dir.write("credentials", "[default]\naws_access_key_id=AKIAFILE\naws_secret_access_key=f\n")
        let files = UpstreamCredentialSource.sharedProfile(SharedProfileSource(credentialsFile: credentials, configFile: nil))
        let emptyEnvironment = UpstreamCredentialSource.environment(EnvironmentCredentialSource(environment: [:]))
        let fullEnvironment = UpstreamCredentialSource.environment(EnvironmentCredentialSource(
            environment: ["AWS_ACCESS_KEY_ID": "AKIAENV", "AWS_SECRET_ACCESS_KEY": "e"]))
        #expect(try UpstreamCredentialChain([emptyEnvironment, files]).resolve(clock: clock).keys.accessKeyID == "AKIAFILE")
        #expect(try UpstreamCredentialChain([fullEnvironment, files]).resolve(clock: clock).keys.accessKeyID == "AKIAENV")
        #expect(try UpstreamCredentialChain([.fixed(HMACCredentials(accessKeyID: "AKIAFIXED", secretAccessKey: "x")), files])
            .resolve(clock: clock).source == "configured keys")
    }

    @Test func chainDoesNotFallThroughABrokenSource() throws {
        let dir = try TemporaryDirectory()
        let credentials = try dir.write("credentials", "[default]\naws_access_key_id=AKIAFILE\naws_secret_access_key=f\n")
        let broken = UpstreamCredentialSource.environment(EnvironmentCredentialSource(environment: ["AWS_ACCESS_KEY_ID": "AKIA"]))
        let chain = UpstreamCredentialChain([broken, .sharedProfile(SharedProfileSource(credentialsFile: credentials, configFile: nil))])
        #expect(throws: UpstreamCredentialError(source: "environment", message: "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not")) {
            try chain.resolve(clock: clock)
        }
    }

    @Test func chainExplainsWhyNothingWasFound() {
        let chain = UpstreamCredentialChain([
            .environment(EnvironmentCredentialSource(environment: [:])),
            .sharedProfile(SharedProfileSource(credentialsFile: "/nonexistent/credentials", configFile: nil)),
        ])
        #expect(throws: UpstreamCredentialError(source: "credential chain", message: "no source has credentials: environment: "
            + "AWS_ACCESS_KEY_ID is not set; profile default: not found in /nonexistent/credentials")) {
            try chain.resolve(clock: clock)
        }
        #expect(throws: UpstreamCredentialError(source: "credential chain", message: "no source has credentials (the chain is empty)")) {
            try UpstreamCredentialChain([]).resolve(clock: clock)
        }
    }

    @Test func standardChainFollowsTheSDKOrder() {
        let endpoint = UpstreamEndpoint.awsSTS(region: "eu-west-1")
        func kinds(_ chain: UpstreamCredentialChain) -> [String] {
            chain.sources.map { source in
                switch source {
                case .fixed: "fixed"
                case .environment: "environment"
                case .sharedProfile: "profile"
                case .instanceMetadata(let imds): "imds " + imds.endpoint
                case .webIdentity(let web): "web " + web.roleArn + " " + web.sessionName + " " + web.endpoint.url
                }
            }
        }
        #expect(kinds(.standard(environment: [:], stsEndpoint: endpoint)) == ["environment", "profile", "imds http://169.254.169.254"])
        #expect(kinds(.standard(environment: ["AWS_EC2_METADATA_DISABLED": "TRUE"], stsEndpoint: endpoint)) == ["environment", "profile"])
        #expect(kinds(.standard(environment: [
            "AWS_WEB_IDENTITY_TOKEN_FILE": "/var/run/token", "AWS_ROLE_ARN": "arn:aws:iam::1:role/broker",
            "AWS_EC2_METADATA_SERVICE_ENDPOINT": "http://[fd00:ec2::254]",
        ], stsEndpoint: endpoint)) == [
            "environment", "web arn:aws:iam::1:role/broker rolesanywhere-server https://sts.eu-west-1.amazonaws.com",
            "profile", "imds http://[fd00:ec2::254]",
        ])
    }
}
