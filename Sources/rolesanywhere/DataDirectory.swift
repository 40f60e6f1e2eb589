import Foundation
import RACommandLine
import RACore
import RACrypto
import RAStoreSQLite

/// The server's state on disk: `rolesanywhere.db` (SQLite) and `session-keys` (0600), the AES keys
/// that seal session tokens. Every command that touches state opens it through here.
struct DataDirectory {
    let path: String

    init(_ path: String) throws {
        self.path = path
        try SecureFile.makeDirectory(path)
    }

    var databasePath: String { path + "/rolesanywhere.db" }
    var sessionKeysPath: String { path + "/session-keys" }

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
