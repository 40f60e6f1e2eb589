import Testing
import RAUpstream

@Suite struct ProfileFileTests {
    @Test func readsCredentialsFileSections() {
        let file = ProfileFile(parsing: """
            # comment
            [default]
            aws_access_key_id = AKIADEFAULT
            AWS_Secret_Access_Key=secret=with=equals
            ; another comment

            [ops]
            aws_access_key_id=AKIAOPS\r
            aws_secret_access_key = s
            aws_session_token = tok
            s3 =
              max_concurrent_requests = 10
            [default]
            region = eu-west-1
            """, kind: .credentials)
        #expect(file.profiles == [
            "default": ["aws_access_key_id": "AKIADEFAULT", "aws_secret_access_key": "secret=with=equals", "region": "eu-west-1"],
            "ops": ["aws_access_key_id": "AKIAOPS", "aws_secret_access_key": "s", "aws_session_token": "tok", "s3": ""],
        ])
    }

    @Test func configFileProfilesNeedThePrefixExceptDefault() {
        let file = ProfileFile(parsing: """
            [default]
            region = us-east-1
            [profile broker]
            credential_process = /opt/bin/creds --profile "x y" # not a comment
            [sso-session corp]
            sso_region = us-east-1
            [plain]
            ignored = yes
            [profile default]
            output = json
            """, kind: .config)
        #expect(file.profiles == [
            "default": ["region": "us-east-1", "output": "json"],
            "broker": ["credential_process": "/opt/bin/creds --profile \"x y\" # not a comment"],
        ])
    }

    @Test func settingsBeforeAnySectionAreIgnored() {
        #expect(ProfileFile(parsing: "aws_access_key_id = X\n[a]\nk=v", kind: .credentials).profiles == ["a": ["k": "v"]])
    }
}
