#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where cache files go, and the directory rules: created 0700, and the helper's own default
/// directory kept 0700 even if someone loosened it, since its file names reveal which roles are used.
public enum CacheDirectory {
    /// The folder name under the user's cache directory.
    public static let folderName = "aws_signing_helper"

    /// `$XDG_CACHE_HOME/aws_signing_helper`, or `~/.cache/aws_signing_helper` when `XDG_CACHE_HOME` is
    /// unset, empty or relative (the XDG rules say to ignore a relative one). The executable passes
    /// the environment values in; the library never reads the environment.
    /// - Parameters:
    ///   - cacheHome: the value of `XDG_CACHE_HOME`.
    ///   - home: the value of `HOME`; when absent, the password database's home directory is used.
    public static func defaultPath(cacheHome: String?, home: String?) throws(HelperError) -> String {
        if let cacheHome, cacheHome.hasPrefix("/") {
            return join(cacheHome, folderName)
        }
        guard let home = home.flatMap({ $0.hasPrefix("/") ? $0 : nil }) ?? passwordDatabaseHome() else {
            throw HelperError.configuration("cannot choose a credential cache directory: HOME is not set; "
                + "give one with --cache-file")
        }
        return join(join(home, ".cache"), folderName)
    }

    /// Creates the directory that will hold `path`, and any missing parents, with mode 0700.
    static func create(parentOf path: String) throws(CacheFileError) {
        guard let slash = path.lastIndex(of: "/") else { return }
        let directory = String(path[..<slash])
        guard !directory.isEmpty else { return }
        try create(directory)
    }

    /// Creates `directory` and missing parents with mode 0700; existing ones are left as they are.
    static func create(_ directory: String) throws(CacheFileError) {
        var status = stat()
        if stat(directory, &status) == 0 {
            guard status.st_mode & S_IFMT == S_IFDIR else { throw CacheFileError("\(directory) is not a directory") }
            return
        }
        if let slash = directory.lastIndex(of: "/"), slash != directory.startIndex {
            try create(String(directory[..<slash]))
        }
        if mkdir(directory, 0o700) != 0, errno != EEXIST {
            throw .system("mkdir", directory, errno)
        }
    }

    /// Brings the helper's own directory back to 0700 when it belongs to this user; a directory owned
    /// by someone else is left alone (its files are still checked one by one before use).
    static func tighten(_ directory: String) {
        var status = stat()
        guard lstat(directory, &status) == 0, status.st_mode & S_IFMT == S_IFDIR, status.st_uid == geteuid(),
              status.st_mode & 0o777 != 0o700 else { return }
        chmod(directory, 0o700)
    }

    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    private static func passwordDatabaseHome() -> String? {
        guard let entry = getpwuid(geteuid()), let directory = entry.pointee.pw_dir else { return nil }
        let home = String(cString: directory)
        return home.hasPrefix("/") ? home : nil
    }
}
