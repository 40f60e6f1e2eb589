import Foundation
import RACommandLine
import RACore
import RACrypto
import RAStoreSQLite

/// The server's state on disk: `rolesanywhere.db` (SQLite) and `session-keys` (0600), the AES keys
/// that seal session tokens. Every command that touches state opens it through here.
struct DataDirectory {
    let path: String

    /// Opens the directory, creating it (0700) for the commands that set a server up (`serve`,
    /// `deploy`). Commands that only read or amend existing state pass `creating: false`: on a
    /// mistyped path they refuse rather than start an empty database there.
    init(_ path: String, creating: Bool = true) throws {
        self.path = path
        if creating {
            try SecureFile.makeDirectory(path)
        } else if !FileManager.default.fileExists(atPath: path + "/" + Self.databaseName) {
            throw CLIError(message: "no Roles Anywhere data in \(path) (\(Self.databaseName) not found); check --data-dir")
        }
    }

    static let databaseName = "rolesanywhere.db"
    var databasePath: String { path + "/" + Self.databaseName }
    var sessionKeysPath: String { path + "/session-keys" }

    /// The account and region this data dir belongs to: recorded by the first `serve` or `deploy`
    /// (from its flags or the defaults), then used by every command. A flag given explicitly
    /// that differs from the recorded value is refused.
    func accountBinding(_ flags: FlagValues, store: any Store) throws -> AccountBinding {
        let accountId = flags.isSet("account-id") ? try Self.accountId(flags.string("account-id")) : nil
        let region = flags.isSet("region") ? try Self.region(flags.string("region")) : nil
        let defaults = AccountBinding(accountId: try Self.accountId(flags.string("account-id")),
                                      region: try Self.region(flags.string("region")))
        do {
            return try AccountBinding.resolve(in: store, accountId: accountId, region: region, defaults: defaults, record: true)
        } catch let mismatch as AccountBindingMismatch {
            throw CLIError(message: mismatch.message)
        } catch let error as CLIError {
            throw error
        } catch {
            throw CLIError(message: "cannot read the account of \(path): \(error)")
        }
    }

    static func accountId(_ text: String) throws -> String {
        guard text.count == 12, text.allSatisfy(\.isASCII), text.allSatisfy(\.isNumber) else {
            throw CLIError.usage("--account-id '\(text)' must be 12 digits")
        }
        return text
    }

    static func region(_ text: String) throws -> String {
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }) else {
            throw CLIError.usage("--region '\(text)' must look like us-east-1")
        }
        return text
    }

    func openStore() throws -> SQLiteStore {
        do { return try SQLiteStore(path: databasePath) } catch {
            throw CLIError(message: "cannot open the database \(databasePath): \(error)")
        }
    }

    /// The session-token keys, created on first use. File format: one `ID HEXKEY` line per key; the
    /// last line is the current key (older lines keep validating tokens after a rotation).
    func sessionTokenCodec() throws -> SessionTokenCodec {
        if !FileManager.default.fileExists(atPath: sessionKeysPath) {
            try SecureFile.write("1 \(Hex.encode(SecureRandom.bytes(32)))\n", to: sessionKeysPath)
        }
        let text = try String(contentsOfFile: sessionKeysPath, encoding: .utf8)
        var keys: [UInt32: [UInt8]] = [:]
        var current: UInt32?
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: " ")
            guard parts.count == 2, let id = UInt32(parts[0]), let key = Hex.decode(String(parts[1])), key.count == 32 else {
                throw CLIError(message: "\(sessionKeysPath): malformed line (expected `ID HEX32BYTES`)")
            }
            keys[id] = key
            current = id
        }
        guard let current else { throw CLIError(message: "\(sessionKeysPath) holds no key") }
        return SessionTokenCodec(keys: keys, currentKeyId: current)
    }
}
