import Foundation

/// Where the built executables and the Python peers live. The binaries are found next to the test
/// bundle in the build directory (or in `RA_BIN`), the venv in `RA_VENV` or the repository's `.venv`.
struct TestEnvironment: Sendable {
    /// The directory holding `rolesanywhere` and `aws_signing_helper`.
    let binDirectory: String
    /// The Python venv with boto3, awscli, iam-rolesanywhere-session and cryptography.
    let venv: String
    /// The repository root, for `examples/` and `scripts/`.
    let repository: String

    var rolesanywhere: String { binDirectory + "/rolesanywhere" }
    var helper: String { binDirectory + "/aws_signing_helper" }
    var python: String { venv + "/bin/python" }
    var aws: String { venv + "/bin/aws" }
    var exampleTemplate: String { repository + "/examples/edge-workload.yaml" }
    var userPKIScript: String { repository + "/scripts/make-user-pki.sh" }

    /// Located once per test process; every failure names the path it looked at and says to run `make test`.
    static func locate() throws -> TestEnvironment {
        let environment = ProcessInfo.processInfo.environment
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
        let fileManager = FileManager.default

        let binDirectory: String
        if let override = environment["RA_BIN"], !override.isEmpty {
            binDirectory = override
        } else {
            let starts = [URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent(),
                          Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
            guard let found = starts.lazy.compactMap(Self.directoryHoldingServer(walkingUpFrom:)).first else {
                throw FixtureError("""
                    the built `rolesanywhere` was not found in any directory above the test bundle \
                    (\(CommandLine.arguments.first ?? "?")); set RA_BIN to the build directory or run `make test`, \
                    which builds both executables before the tests
                    """)
            }
            binDirectory = found
        }
        for name in ["rolesanywhere", "aws_signing_helper"] where !fileManager.isExecutableFile(atPath: binDirectory + "/" + name) {
            throw FixtureError("\(binDirectory)/\(name) is missing or not executable; run `make test` (or `swift build`) first")
        }

        let venv = environment["RA_VENV"].flatMap { $0.isEmpty ? nil : $0 } ?? repository + "/.venv"
        for tool in ["bin/python", "bin/aws"] where !fileManager.isExecutableFile(atPath: venv + "/" + tool) {
            throw FixtureError("""
                the Python peers are missing: \(venv)/\(tool) does not exist. Run `make test`, which creates the venv \
                (scripts/bootstrap.sh) and passes RA_VENV; or set RA_VENV to a venv with boto3, awscli, \
                iam-rolesanywhere-session and cryptography
                """)
        }
        for tool in ["/usr/bin/openssl", "/usr/bin/curl"] where !fileManager.isExecutableFile(atPath: tool) {
            throw FixtureError("\(tool) is missing; run `make test`, whose bootstrap installs it")
        }
        return TestEnvironment(binDirectory: binDirectory, venv: venv, repository: repository)
    }

    private static func directoryHoldingServer(walkingUpFrom start: URL) -> String? {
        var directory = start.standardizedFileURL
        for _ in 0..<6 {
            let candidate = directory.appendingPathComponent("rolesanywhere").path
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue,
               FileManager.default.isExecutableFile(atPath: candidate) {
                return directory.path
            }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { return nil }
            directory = parent
        }
        return nil
    }
}
