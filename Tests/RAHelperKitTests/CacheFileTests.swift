import Foundation
import Testing
@testable import RAHelperKit
import RAWire

/// The cache file's trust rules: only a regular 0600 file of this user, holding exactly a record,
/// is read; writes are atomic and 0600, directories are made 0700.
struct CacheFileTests {
    static let credentials = SessionCredentials(accessKeyId: "ASIAFILE", expiration: "2099-01-01T00:00:00Z",
                                                secretAccessKey: "file-secret", sessionToken: "file-token")
    static let record = CacheRecord(key: CacheKey(text: "k"), credentials: credentials)

    let directory: String

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("cachefile-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { directory + "/" + name }

    static func mode(_ path: String) -> Int {
        var status = stat()
        guard lstat(path, &status) == 0 else { return -1 }
        return Int(status.st_mode & 0o777)
    }

    @Test func aWrittenRecordReadsBackAndIsPrivate() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = CacheFile(path: path("a/b/entry.cache"))
        try file.write(Self.record)
        #expect(try file.read() == Self.record)
        #expect(Self.mode(path("a/b/entry.cache")) == 0o600)
        #expect(Self.mode(path("a/b")) == 0o700)
        #expect(Self.mode(path("a")) == 0o700)
        let text = try String(contentsOfFile: path("a/b/entry.cache"), encoding: .utf8)
        #expect(text == """
            # aws_signing_helper credential cache; written atomically, safe to delete
            version=1
            expiration=2099-01-01T00:00:00Z
            access-key-id=ASIAFILE
            secret-access-key=file-secret
            session-token=file-token
            key=k

            """)
        // No temporary files are left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: path("a/b")) == ["entry.cache"])
    }

    @Test func aMissingFileIsNoRecord() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(try CacheFile(path: path("none.cache")).read() == nil)
    }

    static let header = "# aws_signing_helper credential cache; written atomically, safe to delete\n"
    static let body = "expiration=e\naccess-key-id=A\nsecret-access-key=s\nsession-token=t\nkey=k\n"

    @Test(arguments: [
        ("garbage", "not a record at all", "the file is not a credential cache record"),
        ("empty", "", "the file is not a credential cache record"),
        ("JSON", #"{"version":1,"key":"k"}"# + "\n", "the file is not a credential cache record"),
        ("no final newline", header + "version=1\n" + body.dropLast(), "the file is not a credential cache record"),
        ("truncated", header + "version=1\nexpiration=e\naccess-key-id=A\n", "the file is not a credential cache record"),
        ("no key", header + "version=1\nexpiration=e\naccess-key-id=A\nsecret-access-key=s\nsession-token=t\n",
         "the file is not a credential cache record"),
        ("duplicate field", header + "version=1\naccess-key-id=B\n" + body, "the file is not a credential cache record"),
        ("unknown field", header + "version=1\nregion=x\n" + body, "the file is not a credential cache record"),
        ("line without =", header + "version=1\n" + body + "oops\n", "the file is not a credential cache record"),
        ("other version", header + "version=2\n" + body, "the record has version 2, expected 1"),
    ] as [(String, String, String)])
    func corruptFilesAreRejectedWithoutQuotingThem(name: String, text: String, expected: String) throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let target = path("corrupt.cache")
        #expect(FileManager.default.createFile(atPath: target, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]))
        #expect(throws: CacheFileError(expected)) { try CacheFile(path: target).read() }
    }

    @Test func aWellFormedRecordParses() throws {
        let record = try CacheRecord.decode(Array((Self.header + "version=1\n" + Self.body).utf8))
        #expect(record.key == "k")
        #expect(record.credentials == SessionCredentials(accessKeyId: "A", expiration: "e", secretAccessKey: "s",
                                                         sessionToken: "t"))
    }

    @Test func multiLineKeysRoundTrip() throws {
        let record = CacheRecord(key: CacheKey(configuration: CacheKeyTests.configuration { $0.roleSessionName = "a\nb" }),
                                 credentials: Self.credentials)
        #expect(try CacheRecord.decode(record.encoded()) == record)
    }

    @Test func credentialsWithALineBreakAreNotCached() throws {
        var credentials = Self.credentials
        credentials.sessionToken = "token\nexpiration=2999-01-01T00:00:00Z"
        #expect(throws: CacheFileError("the credentials contain a line break and cannot be cached")) {
            try CacheRecord(key: CacheKey(text: "k"), credentials: credentials).encoded()
        }
    }

    @Test(arguments: [0o644, 0o640, 0o604, 0o660, 0o666, 0o700, 0o610])
    func filesOthersCouldReadOrWriteAreNotTrusted(mode: Int) throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let target = path("loose.cache")
        try CacheFile(path: target).write(Self.record)
        chmod(target, mode_t(mode))
        let expected = mode & 0o077 == 0 ? nil : CacheFileError(
            "\(target) has mode \(String(mode, radix: 8)), expected 600: others could read or change it")
        if let expected {
            #expect(throws: expected) { try CacheFile(path: target).read() }
        } else {
            #expect(try CacheFile(path: target).read() == Self.record)
        }
    }

    @Test(.enabled(if: geteuid() == 0, "changing a file's owner needs root"))
    func aFileOwnedBySomeoneElseIsNotTrusted() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let target = path("foreign.cache")
        try CacheFile(path: target).write(Self.record)
        #expect(chown(target, 65534, 65534) == 0)
        #expect(throws: CacheFileError("\(target) is owned by uid 65534, not by this user (uid 0)")) {
            try CacheFile(path: target).read()
        }
        // Replacing it is allowed and yields a file of this user again.
        try CacheFile(path: target).write(Self.record)
        #expect(try CacheFile(path: target).read() == Self.record)
    }

    @Test func symbolicLinksAreNeitherFollowedNorWrittenThrough() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let victim = path("victim.cache")
        try CacheFile(path: victim).write(Self.record)
        let link = path("link.cache")
        #expect(symlink(victim, link) == 0)
        #expect(throws: CacheFileError("\(link) is a symbolic link")) { try CacheFile(path: link).read() }
        var other = Self.record
        other.credentials.accessKeyId = "ASIAOTHER"
        try CacheFile(path: link).write(other)
        #expect(try CacheFile(path: victim).read() == Self.record)
        #expect(try CacheFile(path: link).read() == other)
    }

    @Test func aDirectoryOrFIFOInPlaceOfTheFileIsRejected() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: path("dir.cache"), withIntermediateDirectories: false,
                                                attributes: [.posixPermissions: 0o700])
        #expect(throws: CacheFileError("\(path("dir.cache")) is not a regular file")) { try CacheFile(path: path("dir.cache")).read() }
        #expect(mkfifo(path("fifo.cache"), 0o600) == 0)
        #expect(throws: CacheFileError("\(path("fifo.cache")) is not a regular file")) { try CacheFile(path: path("fifo.cache")).read() }
    }

    @Test func anOversizedFileIsRejected() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let target = path("big.cache")
        #expect(FileManager.default.createFile(atPath: target, contents: Data(repeating: 0x20, count: CacheFile.maximumSize + 1),
                                               attributes: [.posixPermissions: 0o600]))
        #expect(throws: CacheFileError("\(target) is larger than a cache record can be")) { try CacheFile(path: target).read() }
    }

    @Test(arguments: [
        ("/tmp/xdg", "/home/u", "/tmp/xdg/aws_signing_helper"),
        ("/tmp/xdg/", "/home/u", "/tmp/xdg/aws_signing_helper"),
        (nil, "/home/u", "/home/u/.cache/aws_signing_helper"),
        ("", "/home/u", "/home/u/.cache/aws_signing_helper"),
        ("relative/cache", "/home/u", "/home/u/.cache/aws_signing_helper"),
    ] as [(String?, String?, String)])
    func theDefaultDirectoryFollowsXDG(cacheHome: String?, home: String?, expected: String) throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(try CacheDirectory.defaultPath(cacheHome: cacheHome, home: home) == expected)
    }

    @Test func ourDefaultDirectoryIsTightenedTo0700() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let own = path("own")
        try FileManager.default.createDirectory(atPath: own, withIntermediateDirectories: false,
                                                attributes: [.posixPermissions: 0o755])
        CacheDirectory.tighten(own)
        #expect(Self.mode(own) == 0o700)
    }

    @Test(.enabled(if: geteuid() == 0, "changing a directory's owner needs root"))
    func someoneElsesDirectoryIsLeftAlone() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let foreign = path("foreign")
        try FileManager.default.createDirectory(atPath: foreign, withIntermediateDirectories: false,
                                                attributes: [.posixPermissions: 0o755])
        #expect(chown(foreign, 65534, 65534) == 0)
        CacheDirectory.tighten(foreign)
        #expect(Self.mode(foreign) == 0o755)
    }
}
