import Foundation

/// The AWS shared credentials file `update` maintains.
public struct CredentialsFile: Sendable, Equatable {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// Where the SDKs look: `AWS_SHARED_CREDENTIALS_FILE` when set (a leading `~/` expanded, as the
    /// SDKs do), else `<home>/.aws/credentials`. The executable passes both values in; the
    /// library never reads the environment.
    public static func location(sharedCredentialsFile: String?, home: String?) throws(HelperError) -> CredentialsFile {
        if let configured = sharedCredentialsFile, !configured.isEmpty {
            if configured.hasPrefix("~/") {
                guard let home, !home.isEmpty else { throw HelperError(.configuration, "unable to locate the home directory") }
                return CredentialsFile(path: home + configured.dropFirst())
            }
            return CredentialsFile(path: configured)
        }
        guard let home, !home.isEmpty else { throw HelperError(.configuration, "unable to locate the home directory") }
        return CredentialsFile(path: (home.hasSuffix("/") ? String(home.dropLast()) : home) + "/.aws/credentials")
    }

    /// Puts `credentials` under `[profile]` and leaves everything else as it was (see
    /// ``CredentialsFileEditor``). The directory is created with mode 0700 if missing; the file
    /// is replaced atomically, with mode 0600, under a lock on its directory.
    public func update(profile: String, credentials: Credentials) throws(HelperError) {
        let target = AtomicFile.resolvedPath(path)
        let directory = AtomicFile.parentDirectory(of: target)
        do {
            try AtomicFile.makeDirectories(directory, mode: 0o700)
        } catch {
            throw HelperError(.configuration, "unable to create credentials file: \(error.message)")
        }
        do {
            try AtomicFile.withDirectoryLock(directory) { () throws(AtomicFile.WriteError) in
                let text = try Self.contents(of: target)
                let rewritten = CredentialsFileEditor.rewrite(text, profile: profile, credentials: credentials)
                try AtomicFile.write(Array(rewritten.utf8), to: target, mode: 0o600)
            }
        } catch {
            throw HelperError(.configuration, "unable to write to AWS credentials file: \(error.message)")
        }
    }

    /// The current text; empty when the file does not exist yet. Refuses bytes that are not UTF-8
    /// rather than rewriting them into replacement characters.
    private static func contents(of path: String) throws(AtomicFile.WriteError) -> String {
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.contents(of: path)
        } catch {
            if !FileManager.default.fileExists(atPath: path) { return "" }
            throw AtomicFile.WriteError(message: error.message)
        }
        guard let text = String(bytes: bytes, encoding: .utf8) else {
            throw AtomicFile.WriteError(message: "\(path) is not UTF-8 text, so it is left as it is")
        }
        return text
    }
}
