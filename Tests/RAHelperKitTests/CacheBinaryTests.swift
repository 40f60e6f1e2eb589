import Foundation
import Testing
import RACrypto

/// `credential-process --cache` as the AWS CLI runs it: many short-lived processes at once, against a
/// loopback responder that counts CreateSession calls.
struct CacheBinaryTests {
    static let secret = "cache-secret-0123456789"
    static let token = "cache-session-token-abcdef"
    static let expected = #"{"Version":1,"AccessKeyId":"ASIACACHE","SecretAccessKey":"cache-secret-0123456789","#
        + #""SessionToken":"cache-session-token-abcdef","Expiration":"2099-01-01T00:00:00Z"}"#

    /// One identity, responder and scratch directory per test.
    final class Fixture: Sendable {
        let pki: TestIdentity
        let server: CacheCountingResponder
        let arguments: [String]
        let cacheHome: String

        init(delay: Double = 0) throws {
            pki = try TestIdentity()
            let certificate = try pki.write("cert.pem", pki.leaf.pem)
            let key = try pki.write("key.pem", pki.leafKey.traditionalPEM())
            server = try CacheCountingResponder(accessKeyId: "ASIACACHE", secretAccessKey: CacheBinaryTests.secret,
                                                sessionToken: CacheBinaryTests.token,
                                                expiration: "2099-01-01T00:00:00Z", delay: delay)
            cacheHome = pki.path("xdg")
            arguments = [
                "credential-process", "--certificate", certificate, "--private-key", key,
                "--trust-anchor-arn", "arn:aws:rolesanywhere:eu-west-1:111122223333:trust-anchor/ta",
                "--profile-arn", "arn:aws:rolesanywhere:eu-west-1:111122223333:profile/p",
                "--role-arn", "arn:aws:iam::111122223333:role/r", "--endpoint", "http://127.0.0.1:\(server.port)",
            ]
        }

        deinit { server.stop() }

        var cacheDirectory: String { cacheHome + "/aws_signing_helper" }

        /// The one cache file in the default directory.
        func cacheFile() throws -> String {
            let names = try FileManager.default.contentsOfDirectory(atPath: cacheDirectory).filter { $0.hasSuffix(".cache") }
            try #require(names.count == 1, "cache files: \(names)")
            return cacheDirectory + "/" + names[0]
        }

        func run(_ extra: [String] = ["--cache"]) throws -> HelperBinaryTests.Run {
            try HelperBinaryTests.run(arguments + extra, environment: ["XDG_CACHE_HOME": cacheHome])
        }
    }

    static func status(_ path: String) -> stat {
        var status = stat()
        _ = lstat(path, &status)
        return status
    }

    @Test func twentyConcurrentInvocationsMakeExactlyOneCreateSession() throws {
        let fixture = try Fixture(delay: 0.3)
        let processes = try (0..<20).map { _ in
            let process = Process()
            process.executableURL = HelperBinaryTests.binary
            process.arguments = fixture.arguments + ["--cache"]
            process.environment = ["PATH": "/usr/bin:/bin", "XDG_CACHE_HOME": fixture.cacheHome]
            let output = Pipe()
            let error = Pipe()
            process.standardOutput = output
            process.standardError = error
            try process.run()
            return (process, output, error)
        }
        for (process, output, error) in processes {
            let out = output.fileHandleForReading.readDataToEndOfFile()
            let err = error.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            #expect(String(decoding: err, as: UTF8.self) == "")
            #expect(String(decoding: out, as: UTF8.self) == Self.expected)
        }
        #expect(fixture.server.requests == 1)
    }

    @Test func theDefaultCacheIsPrivateAndReusedAcrossRuns() throws {
        let fixture = try Fixture()
        for round in 1...3 {
            let run = try fixture.run()
            #expect(run.exitCode == 0)
            #expect(run.standardOutput == Self.expected, "round \(round)")
        }
        #expect(fixture.server.requests == 1)
        let file = try fixture.cacheFile()
        #expect(file.hasSuffix(".cache") && URL(fileURLWithPath: file).lastPathComponent.count == 22)
        #expect(Self.status(file).st_mode & 0o777 == 0o600)
        #expect(Self.status(file).st_uid == geteuid())
        #expect(Self.status(fixture.cacheDirectory).st_mode & 0o777 == 0o700)
        #expect(Self.status(file + ".lock").st_mode & 0o777 == 0o600)
        // Nothing but the entry and its lock.
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.cacheDirectory).sorted()
            == [URL(fileURLWithPath: file).lastPathComponent, URL(fileURLWithPath: file).lastPathComponent + ".lock"])
        // Without --cache nothing is read: every run calls CreateSession.
        #expect(try fixture.run([]).standardOutput == Self.expected)
        #expect(fixture.server.requests == 2)
    }

    @Test(arguments: [(240.0, 1), (-60.0, 1), (360.0, 0), (3600.0, 0)])
    func credentialsWithinFiveMinutesOfExpiryAreRefreshed(secondsLeft: Double, expectedCalls: Int) throws {
        let fixture = try Fixture()
        let file = fixture.pki.path("entry.cache")
        #expect(try fixture.run(["--cache-file", file]).exitCode == 0)
        // Rewrite the cached expiration, keeping everything else (and the 0600 mode) as the helper wrote it.
        let expiration = Date().addingTimeInterval(secondsLeft)
        let formatter = ISO8601DateFormatter()
        let text = try String(contentsOfFile: file, encoding: .utf8)
            .replacingOccurrences(of: "2099-01-01T00:00:00Z", with: formatter.string(from: expiration))
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        chmod(file, 0o600)
        let run = try fixture.run(["--cache-file", file])
        #expect(run.exitCode == 0)
        #expect(fixture.server.requests == 1 + expectedCalls)
        let expectedExpiration = expectedCalls == 1 ? "2099-01-01T00:00:00Z" : formatter.string(from: expiration)
        #expect(run.standardOutput == Self.expected.replacingOccurrences(of: "2099-01-01T00:00:00Z", with: expectedExpiration))
    }

    /// Giving a file away needs root; elsewhere that case is left out.
    static let damages = ["corrupt", "empty", "loose mode", "symlink", "other key"] + (geteuid() == 0 ? ["foreign owner"] : [])

    @Test(arguments: damages)
    func untrustworthyCacheFilesAreIgnoredAndReplaced(damage: String) throws {
        let fixture = try Fixture()
        #expect(try fixture.run().exitCode == 0)
        let file = try fixture.cacheFile()
        let forged = try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(of: "ASIACACHE", with: "ASIAFORGED")
        switch damage {
        case "corrupt":
            try Data("{\"version\":1,\"key\":".utf8).write(to: URL(fileURLWithPath: file))
            chmod(file, 0o600)
        case "empty":
            try Data().write(to: URL(fileURLWithPath: file))
            chmod(file, 0o600)
        case "loose mode":
            try Data(forged.utf8).write(to: URL(fileURLWithPath: file))
            chmod(file, 0o644)
        case "foreign owner":
            try Data(forged.utf8).write(to: URL(fileURLWithPath: file))
            chmod(file, 0o600)
            chown(file, 65534, 65534)
        case "symlink":
            let elsewhere = fixture.pki.path("elsewhere.cache")
            try Data(forged.utf8).write(to: URL(fileURLWithPath: elsewhere))
            chmod(elsewhere, 0o600)
            unlink(file)
            symlink(elsewhere, file)
        default:
            try Data(forged.replacingOccurrences(of: "role-arn=arn:aws:iam::111122223333:role/r",
                                                 with: "role-arn=arn:aws:iam::111122223333:role/admin").utf8)
                .write(to: URL(fileURLWithPath: file))
            chmod(file, 0o600)
        }
        let run = try fixture.run()
        #expect(run.exitCode == 0)
        #expect(run.standardOutput == Self.expected)
        #expect(fixture.server.requests == 2)
        // Replaced by a sound file of this user, which the next run uses.
        let status = Self.status(file)
        #expect(status.st_mode & S_IFMT == S_IFREG)
        #expect(status.st_mode & 0o777 == 0o600)
        #expect(status.st_uid == geteuid())
        #expect(try fixture.run().standardOutput == Self.expected)
        #expect(fixture.server.requests == 2)
    }

    @Test func debugOutputExplainsTheCacheWithoutRevealingSecrets() throws {
        let fixture = try Fixture()
        let first = try fixture.run(["--cache", "--debug"])
        let second = try fixture.run(["--cache", "--debug"])
        #expect(first.standardOutput == Self.expected)
        #expect(second.standardOutput == Self.expected)
        let file = try fixture.cacheFile()
        #expect(first.standardError.contains("credential cache: no cached credentials in \(file)\n"))
        #expect(first.standardError.contains("credential cache: stored new credentials in \(file), expiring 2099-01-01T00:00:00Z\n"))
        #expect(second.standardError == "credential cache: using cached credentials from \(file), expiring 2099-01-01T00:00:00Z\n")
        for output in [first.standardError, second.standardError] {
            #expect(!output.contains(Self.secret))
            #expect(!output.contains(Self.token))
        }
    }

    @Test func errorsAreNotCachedAndReadTheSameAsWithoutTheCache() throws {
        let pki = try TestIdentity()
        let certificate = try pki.write("cert.pem", pki.leaf.pem)
        let arguments = [
            "credential-process", "--certificate", certificate, "--private-key", pki.path("missing.key"),
            "--trust-anchor-arn", "arn:aws:rolesanywhere:eu-west-1:111122223333:trust-anchor/ta",
            "--profile-arn", "arn:aws:rolesanywhere:eu-west-1:111122223333:profile/p",
            "--role-arn", "arn:aws:iam::111122223333:role/r", "--endpoint", "http://127.0.0.1:9",
        ]
        let plain = try HelperBinaryTests.run(arguments)
        let cached = try HelperBinaryTests.run(arguments + ["--cache-file", pki.path("c/entry.cache")])
        #expect(plain.exitCode == 1)
        #expect(cached.exitCode == 1)
        #expect(cached.standardError == plain.standardError)
        #expect(cached.standardError == "failed to read private key: open \(pki.path("missing.key")): no such file or directory\n")
        #expect(!FileManager.default.fileExists(atPath: pki.path("c/entry.cache")))
    }
}
