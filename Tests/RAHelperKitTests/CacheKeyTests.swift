import Foundation
import Testing
@testable import RAHelperKit

/// The cache key decides which configurations share credentials: every field that changes the session
/// must change it, and secrets must stay out of it.
struct CacheKeyTests {
    static func configuration(_ change: (inout CredentialsConfiguration) -> Void = { _ in }) -> CredentialsConfiguration {
        var configuration = CredentialsConfiguration(
            certificate: .file(path: "/nonexistent/cert.pem"), privateKey: .file(path: "/nonexistent/key.pem"),
            trustAnchorArn: "arn:aws:rolesanywhere:eu-west-1:111122223333:trust-anchor/ta",
            profileArn: "arn:aws:rolesanywhere:eu-west-1:111122223333:profile/p",
            roleArn: "arn:aws:iam::111122223333:role/r", endpoint: "https://localhost:8443")
        change(&configuration)
        return configuration
    }

    @Test func theKeyIsExactlyTheseLines() {
        #expect(CacheKey(configuration: Self.configuration()).text == """
            certificate=file:/nonexistent/cert.pem missing
            private-key=file:/nonexistent/key.pem
            intermediates=
            trust-anchor-arn=arn:aws:rolesanywhere:eu-west-1:111122223333:trust-anchor/ta
            profile-arn=arn:aws:rolesanywhere:eu-west-1:111122223333:profile/p
            role-arn=arn:aws:iam::111122223333:role/r
            region=
            endpoint=https://localhost:8443
            session-duration=3600
            role-session-name=
            """)
    }

    @Test(arguments: [
        ("certificate", { @Sendable (c: inout CredentialsConfiguration) in c.certificate = .file(path: "/nonexistent/other.pem") }),
        ("private key", { @Sendable (c: inout CredentialsConfiguration) in c.privateKey = .file(path: "/nonexistent/other.key") }),
        ("no private key", { @Sendable (c: inout CredentialsConfiguration) in c.privateKey = nil }),
        ("intermediates", { @Sendable (c: inout CredentialsConfiguration) in c.intermediatesPath = "/nonexistent/chain.pem" }),
        ("trust anchor", { @Sendable (c: inout CredentialsConfiguration) in c.trustAnchorArn += "2" }),
        ("profile", { @Sendable (c: inout CredentialsConfiguration) in c.profileArn += "2" }),
        ("role", { @Sendable (c: inout CredentialsConfiguration) in c.roleArn += "2" }),
        ("region", { @Sendable (c: inout CredentialsConfiguration) in c.region = "eu-west-1" }),
        ("endpoint", { @Sendable (c: inout CredentialsConfiguration) in c.endpoint = "https://localhost:8444" }),
        ("duration", { @Sendable (c: inout CredentialsConfiguration) in c.sessionDuration = 900 }),
        ("session name", { @Sendable (c: inout CredentialsConfiguration) in c.roleSessionName = "job-7" }),
        ("TPM handle", { @Sendable (c: inout CredentialsConfiguration) in c.privateKey = .tpmHandle("handle:0x81000001") }),
    ] as [(String, @Sendable (inout CredentialsConfiguration) -> Void)])
    func everySessionDecidingFieldChangesTheKey(field: String, change: @Sendable (inout CredentialsConfiguration) -> Void) {
        let base = CacheKey(configuration: Self.configuration())
        let changed = CacheKey(configuration: Self.configuration(change))
        #expect(changed != base, "changing the \(field) kept the key")
        #expect(changed.fileName != base.fileName)
    }

    @Test(arguments: [
        ("debug", { @Sendable (c: inout CredentialsConfiguration) in c.debug = true }),
        ("TLS verification", { @Sendable (c: inout CredentialsConfiguration) in c.noVerifySSL = true }),
        ("CA bundle", { @Sendable (c: inout CredentialsConfiguration) in c.caBundlePath = "/etc/ca.pem" }),
        ("PKCS#8 password", { @Sendable (c: inout CredentialsConfiguration) in c.pkcs8Password = "hunter2" }),
    ] as [(String, @Sendable (inout CredentialsConfiguration) -> Void)])
    func transportAndSecretSettingsDoNotChangeTheKey(field: String, change: @Sendable (inout CredentialsConfiguration) -> Void) {
        #expect(CacheKey(configuration: Self.configuration(change)) == CacheKey(configuration: Self.configuration()),
                "\(field) changed the key")
    }

    @Test(arguments: [
        ("pkcs11:token=t;object=k;pin-value=1234", "pkcs11:token=t;object=k"),
        ("pkcs11:token=t;object=k?pin-value=1234", "pkcs11:token=t;object=k"),
        ("pkcs11:token=t;object=k?module-path=/m.so&PIN-VALUE=1234", "pkcs11:token=t;object=k?module-path=/m.so"),
        ("pkcs11:token=t;object=k?pin-source=file:/pin", "pkcs11:token=t;object=k?pin-source=file:/pin"),
        ("pkcs11:object=k", "pkcs11:object=k"),
    ])
    func pinValuesNeverReachTheKey(uri: String, expected: String) {
        #expect(CacheKey.withoutPIN(uri) == expected)
        let key = CacheKey(configuration: Self.configuration { $0.certificate = .pkcs11(uri: uri); $0.privateKey = .pkcs11(uri: uri) })
        #expect(!key.text.contains("1234"))
        #expect(key.text.contains("certificate=pkcs11:\(expected)\n"))
    }

    @Test func aNewlineInAValueCannotForgeAnotherField() {
        let key = CacheKey(configuration: Self.configuration { $0.roleSessionName = "x\nrole-arn=arn:aws:iam::9:role/admin" })
        #expect(key.text.split(separator: "\n").count == 10)
        #expect(key.text.hasSuffix("role-session-name=x\\nrole-arn=arn:aws:iam::9:role/admin"))
    }

    /// FNV-1a reference values: the empty string is the offset basis; "a" is the published test vector.
    @Test(arguments: [("", "cbf29ce484222325.cache"), ("a", "af63dc4c8601ec8c.cache"), ("foobar", "85944171f73967e8.cache")])
    func fileNamesAreFNV1aOfTheText(text: String, expected: String) {
        #expect(CacheKey(text: text).fileName == expected)
    }

    @Test func aRenewedCertificateFileStartsANewEntry() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cachekey-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("cert.pem").path
        try Data("first".utf8).write(to: URL(fileURLWithPath: path))
        let configuration = Self.configuration { $0.certificate = .file(path: path) }
        let first = CacheKey(configuration: configuration)
        #expect(CacheKey(configuration: configuration) == first)
        #expect(!first.text.contains("missing"))
        try Data("renewed certificate".utf8).write(to: URL(fileURLWithPath: path))
        #expect(CacheKey(configuration: configuration) != first)
    }
}
