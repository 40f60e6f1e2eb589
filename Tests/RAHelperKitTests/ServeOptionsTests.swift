import Foundation
import Testing
@testable import RAHelperKit

/// Start-up checks of `serve`: role ARN, listen address, port, hop limit.
struct ServeOptionsTests {
    @Test(arguments: [
        ("arn:aws:iam::123456789012:role/EdgeBackupRole", "EdgeBackupRole"),
        ("arn:aws:iam::123456789012:role/path/to/EdgeBackupRole", "EdgeBackupRole"),
        ("arn:aws:iam::123456789012:EdgeBackupRole", "EdgeBackupRole"),
    ])
    func roleNameIsTheLastPathSegment(arn: String, name: String) throws {
        #expect(try CredentialServerOptions.roleName(fromArn: arn) == name)
    }

    @Test(arguments: ["", "EdgeBackupRole", "arn:aws:iam::123456789012", "arn:aws:iam::123456789012:role/"])
    func badRoleArnsGiveTheOfficialError(arn: String) {
        #expect(throws: HelperError(.configuration, "invalid role ARN")) { try CredentialServerOptions.roleName(fromArn: arn) }
    }

    @Test(arguments: [
        // (address, allow non-loopback) → (literal, URL host) or nil when refused
        ("127.0.0.1", false, "127.0.0.1", "127.0.0.1"),
        ("127.0.0.53", false, "127.0.0.53", "127.0.0.53"),
        ("::1", false, "::1", "[::1]"),
        ("[::1]", false, "::1", "[::1]"),
        ("::ffff:127.0.0.1", false, "::ffff:127.0.0.1", "[::ffff:127.0.0.1]"),
        ("0.0.0.0", true, "0.0.0.0", "127.0.0.1"),
        ("::", true, "::", "[::1]"),
        ("192.0.2.10", true, "192.0.2.10", "192.0.2.10"),
    ])
    func acceptedAddresses(address: String, allow: Bool, literal: String, urlHost: String) throws {
        let parsed = try ServeListenAddress(address, allowNonLoopback: allow)
        #expect(parsed.literal == literal)
        #expect(parsed.urlHost == urlHost)
    }

    @Test(arguments: ["0.0.0.0", "::", "192.0.2.10", "fe80::1", "::ffff:10.0.0.1"])
    func nonLoopbackAddressesAreRefusedUnlessForced(address: String) {
        #expect(throws: HelperError(.configuration, "refusing to listen on \(address): it is not a loopback address, so other "
            + "hosts could take the credentials; pass --allow-non-loopback to do it anyway (with --hop-limit 1)")) {
            try ServeListenAddress(address, allowNonLoopback: false)
        }
    }

    @Test(arguments: ["localhost", "127.0.0.1:9911", "", "300.1.1.1"])
    func addressesMustBeLiterals(address: String) {
        #expect(throws: HelperError(.configuration, "invalid listen address \(address): not an IPv4 or IPv6 address")) {
            try ServeListenAddress(address, allowNonLoopback: true)
        }
    }

    @Test(arguments: [
        (70_000, 64, "invalid port 70000: it must be in 0...65535"),
        (-1, 64, "invalid port -1: it must be in 0...65535"),
        (0, 0, "invalid hop limit 0: it must be in 1...255"),
        (0, 256, "invalid hop limit 256: it must be in 1...255"),
    ])
    func portAndHopLimitAreChecked(port: Int, hopLimit: Int, message: String) {
        let options = CredentialServerOptions(port: port, hopLimit: hopLimit, roleArn: "arn:aws:iam::1:role/r")
        #expect(throws: HelperError(.configuration, message)) {
            try CredentialServer(options: options, source: StubCredentialSource(), logger: .disabled,
                                 clock: { Date() }, localOffset: { _ in 0 }, tokens: MetadataTokenStore())
        }
    }
}
