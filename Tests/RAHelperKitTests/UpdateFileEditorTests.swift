import Testing
@testable import RAHelperKit

/// The credentials-file rewrite as a table: input text, profile, expected text.
struct UpdateFileEditorTests {
    static let credentials = Credentials(accessKeyId: "ASIANEW", expiration: "2026-01-01T01:00:00Z",
                                         secretAccessKey: "newsecret", sessionToken: "newtoken")
    static let keys = "aws_access_key_id = ASIANEW\naws_secret_access_key = newsecret\naws_session_token = newtoken\n"
    static let crlfKeys = "aws_access_key_id = ASIANEW\r\naws_secret_access_key = newsecret\r\naws_session_token = newtoken\r\n"

    @Test(arguments: [
        // Empty or missing file: just the section.
        ("", "default", "[default]\n" + keys),
        // Appended after other profiles, separated by one blank line.
        ("[other]\nregion = x\n", "default", "[other]\nregion = x\n\n[default]\n" + keys),
        ("[other]\nregion = x", "default", "[other]\nregion = x\n\n[default]\n" + keys),
        ("[other]\nregion = x\n\n", "default", "[other]\nregion = x\n\n[default]\n" + keys),
        // Target profile last: its last line survives (the official helper drops it).
        ("[other]\na = 1\n\n[default]\naws_access_key_id = OLD\naws_secret_access_key = OLD\naws_session_token = OLD\nregion = us-east-1\n",
         "default",
         "[other]\na = 1\n\n[default]\n" + keys + "region = us-east-1\n"),
        // Header on the last line, without a line end: keys below it, file still without a final line end.
        ("[a]\nx = 1\n[default]", "default",
         "[a]\nx = 1\n[default]\naws_access_key_id = ASIANEW\naws_secret_access_key = newsecret\naws_session_token = newtoken"),
        ("[default]\n", "default", "[default]\n" + keys),
        // CRLF files stay CRLF, comments stay where they are.
        ("# managed by hand\r\n[other]\r\nregion = x\r\n\r\n[default]\r\nregion = y\r\n", "default",
         "# managed by hand\r\n[other]\r\nregion = x\r\n\r\n[default]\r\nregion = y\r\n" + crlfKeys),
        ("[default]\r\naws_access_key_id = OLD\r\naws_secret_access_key = OLD\r\naws_session_token = OLD", "default",
         "[default]\r\naws_access_key_id = ASIANEW\r\naws_secret_access_key = newsecret\r\naws_session_token = newtoken"),
        // Missing keys go after the section's last entry, before comments that lead into the next one.
        ("[default]\n# keep me\naws_access_key_id=OLD\n; note\n\n[next]\nk = v\n", "default",
         "[default]\n# keep me\n" + keys + "; note\n\n[next]\nk = v\n"),
        // Keys are matched by name, not by prefix; case and spaces do not matter.
        ("[default]\naws_access_key_id_old = KEEP\n", "default", "[default]\naws_access_key_id_old = KEEP\n" + keys),
        ("[default]\n  AWS_Access_Key_ID  :  OLD\n", "default", "[default]\n" + keys),
        // Only `[name]` headers match (spaces around the brackets allowed); comments and `[profile x]` do not.
        ("[profile default]\nx = 1\n", "default", "[profile default]\nx = 1\n\n[default]\n" + keys),
        ("# [default]\n", "default", "# [default]\n\n[default]\n" + keys),
        ("  [default]  \nregion = x\n", "default", "  [default]  \nregion = x\n" + keys),
        ("[default] ; main\n", "default", "[default] ; main\n" + keys),
        // A duplicate section further down is updated too, so it cannot shadow the new keys.
        ("[default]\naws_access_key_id = OLD1\n[x]\ny = 1\n[default]\naws_session_token = OLD2\n", "default",
         "[default]\naws_access_key_id = ASIANEW\naws_secret_access_key = newsecret\n[x]\ny = 1\n[default]\naws_session_token = newtoken\n"),
        // A named profile in the middle; everything around it untouched.
        ("[default]\naws_access_key_id = D\n\n[work]\nregion = eu-west-1\n\n[later]\nx = 1\n", "work",
         "[default]\naws_access_key_id = D\n\n[work]\nregion = eu-west-1\n" + keys + "\n[later]\nx = 1\n"),
        ("# café ☕\n[default]\n", "default", "# café ☕\n[default]\n" + keys),
    ])
    func rewrite(input: String, profile: String, expected: String) {
        #expect(CredentialsFileEditor.rewrite(input, profile: profile, credentials: Self.credentials) == expected)
    }

    @Test func rewritingTwiceChangesOnlyTheValues() {
        let input = "[a]\r\nx = 1\r\n\r\n[default]\r\nregion = y\r\n"
        let first = CredentialsFileEditor.rewrite(input, profile: "default", credentials: Self.credentials)
        let newer = Credentials(accessKeyId: "ASIANEWER", expiration: "x", secretAccessKey: "s2", sessionToken: "t2")
        let second = CredentialsFileEditor.rewrite(first, profile: "default", credentials: newer)
        #expect(second == "[a]\r\nx = 1\r\n\r\n[default]\r\nregion = y\r\naws_access_key_id = ASIANEWER\r\n"
            + "aws_secret_access_key = s2\r\naws_session_token = t2\r\n")
    }

    @Test(arguments: [("[default]", "default"), ("  [a b] ", "a b"), ("[x] # c", "x"), ("[]", nil), ("x = [y]", nil), ("#[x]", nil)])
    func sectionNames(line: String, name: String?) {
        #expect(CredentialsFileEditor.sectionName(line) == name)
    }
}
