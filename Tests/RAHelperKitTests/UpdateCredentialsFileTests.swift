import Foundation
import Synchronization
import Testing
@testable import RAHelperKit

/// The credentials file on disk: byte-exact rewrite, permissions, atomic replacement, locations.
struct UpdateCredentialsFileTests {
    static let credentials = UpdateFileEditorTests.credentials

    /// A scratch directory removed when the test ends.
    final class Scratch: Sendable {
        let path: String

        init() throws {
            path = FileManager.default.temporaryDirectory.appendingPathComponent("update-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }

        deinit { try? FileManager.default.removeItem(atPath: path) }

        func file(_ name: String) -> String { path + "/" + name }

        func write(_ name: String, _ text: String, mode: Int = 0o644) throws -> String {
            let file = file(name)
            try Data(text.utf8).write(to: URL(fileURLWithPath: file))
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: file)
            return file
        }

        func read(_ file: String) throws -> String {
            String(decoding: try Data(contentsOf: URL(fileURLWithPath: file)), as: UTF8.self)
        }

        func mode(_ file: String) throws -> Int {
            try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int ?? -1
        }

        func inode(_ file: String) throws -> Int {
            try FileManager.default.attributesOfItem(atPath: file)[.systemFileNumber] as? Int ?? -1
        }
    }

    /// The case: other profiles, comments, CRLF line ends, the target profile last.
    @Test func onlyTheTargetKeysChangeInACRLFFileWithTheProfileLast() throws {
        let scratch = try Scratch()
        let original = "# Written by hand; keep this comment.\r\n[default]\r\nregion = us-east-1\r\n\r\n"
            + "; team account\r\n[team]\r\naws_access_key_id = AKIATEAM\r\naws_secret_access_key = teamsecret\r\n\r\n"
            + "[edge]\r\nregion = eu-west-1\r\naws_access_key_id = ASIAOLD\r\naws_secret_access_key = oldsecret\r\n"
            + "aws_session_token = oldtoken\r\noutput = json\r\n"
        let path = try scratch.write("credentials", original)
        let before = try scratch.inode(path)
        try CredentialsFile(path: path).update(profile: "edge", credentials: Self.credentials)
        #expect(try scratch.read(path) == "# Written by hand; keep this comment.\r\n[default]\r\nregion = us-east-1\r\n\r\n"
            + "; team account\r\n[team]\r\naws_access_key_id = AKIATEAM\r\naws_secret_access_key = teamsecret\r\n\r\n"
            + "[edge]\r\nregion = eu-west-1\r\naws_access_key_id = ASIANEW\r\naws_secret_access_key = newsecret\r\n"
            + "aws_session_token = newtoken\r\noutput = json\r\n")
        #expect(try scratch.mode(path) == 0o600)
        #expect(try scratch.inode(path) != before, "replaced by rename, not rewritten in place")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["credentials"], "no temporary file left")
    }

    @Test func aMissingFileAndDirectoryAreCreatedPrivate() throws {
        let scratch = try Scratch()
        let path = scratch.file("home/.aws/credentials")
        try CredentialsFile(path: path).update(profile: "default", credentials: Self.credentials)
        #expect(try scratch.read(path) == "[default]\n" + UpdateFileEditorTests.keys)
        #expect(try scratch.mode(path) == 0o600)
        #expect(try scratch.mode(scratch.file("home/.aws")) == 0o700)
    }

    @Test func aSymbolicLinkStaysALink() throws {
        let scratch = try Scratch()
        let target = try scratch.write("real-credentials", "[other]\nx = 1\n", mode: 0o600)
        let link = scratch.file("credentials")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        try CredentialsFile(path: link).update(profile: "default", credentials: Self.credentials)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
        #expect(try scratch.read(target) == "[other]\nx = 1\n\n[default]\n" + UpdateFileEditorTests.keys)
    }

    @Test func aFileThatIsNotUTF8IsLeftAlone() throws {
        let scratch = try Scratch()
        let path = scratch.file("credentials")
        let bytes: [UInt8] = Array("[default]\n# caf".utf8) + [0xE9] + Array("\n".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(throws: HelperError(.configuration, "unable to write to AWS credentials file: \(path) is not UTF-8 text, "
            + "so it is left as it is")) {
            try CredentialsFile(path: path).update(profile: "default", credentials: Self.credentials)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(bytes))
    }

    @Test func anUnwritableDirectoryIsReported() throws {
        let scratch = try Scratch()
        let path = scratch.file("file-not-dir/credentials")
        _ = try scratch.write("file-not-dir", "x")
        #expect(throws: HelperError.self) {
            try CredentialsFile(path: path).update(profile: "default", credentials: Self.credentials)
        }
    }

    /// Readers running during 200 rewrites only ever see a complete file, old or new.
    @Test func readersNeverSeeAPartialFile() async throws {
        let scratch = try Scratch()
        let padding = (0..<200).map { "[profile\($0)]\nregion = us-east-\($0 % 2 + 1)\n" }.joined()
        let path = try scratch.write("credentials", padding)
        let file = CredentialsFile(path: path)
        let watch = ReaderWatch()
        let reader = Thread {
            while !watch.stopped {
                guard let data = FileManager.default.contents(atPath: path) else { continue }
                let text = String(decoding: data, as: UTF8.self)
                let complete = text.hasPrefix(padding) && (text == padding
                    || text.hasSuffix("aws_session_token = newtoken\n") || text.hasSuffix("aws_session_token = t2\n"))
                watch.record(complete ? nil : String(text.suffix(80)))
            }
        }
        reader.start()
        let second = Credentials(accessKeyId: "ASIA2", expiration: "x", secretAccessKey: "s2", sessionToken: "t2")
        for round in 0..<200 {
            try file.update(profile: "default", credentials: round % 2 == 0 ? Self.credentials : second)
        }
        watch.stop()
        try await Task.sleep(nanoseconds: 20_000_000)
        #expect(watch.torn == [])
        #expect(watch.reads > 0)
    }

    /// What the reader thread saw.
    final class ReaderWatch: Sendable {
        private let state = Mutex((stopped: false, reads: 0, torn: [String]()))

        var stopped: Bool { state.withLock { $0.stopped } }
        var reads: Int { state.withLock { $0.reads } }
        var torn: [String] { state.withLock { $0.torn } }

        func stop() { state.withLock { $0.stopped = true } }

        func record(_ tornTail: String?) {
            state.withLock { state in
                state.reads += 1
                if let tornTail { state.torn.append(tornTail) }
            }
        }
    }

    @Test(arguments: [
        ("/x/creds", "/home/u", "/x/creds"),
        ("~/creds", "/home/u", "/home/u/creds"),
        (nil, "/home/u", "/home/u/.aws/credentials"),
        ("", "/home/u/", "/home/u/.aws/credentials"),
    ] as [(String?, String?, String)])
    func location(sharedCredentialsFile: String?, home: String?, expected: String) throws {
        #expect(try CredentialsFile.location(sharedCredentialsFile: sharedCredentialsFile, home: home).path == expected)
    }

    @Test func noHomeIsTheOfficialError() {
        #expect(throws: HelperError(.configuration, "unable to locate the home directory")) {
            try CredentialsFile.location(sharedCredentialsFile: nil, home: nil)
        }
    }
}
