import Foundation

/// A fresh directory under /tmp for one fixture's files (CAs, data dir, configs, logs), removed
/// when the fixture stops so repeated runs never see each other's state.
struct ScratchDirectory: Sendable {
    let path: String

    init(label: String) throws {
        var template = Array("/tmp/ra-e2e-\(label).XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else {
            throw FixtureError("cannot create a temporary directory for \(label): \(String(cString: strerror(errno)))")
        }
        path = String(cString: made)
    }

    /// A directory something else created, to address its files the same way.
    init(existing path: String) {
        self.path = path
    }

    /// The absolute path of `name` inside the directory.
    func file(_ name: String) -> String { path + "/" + name }

    @discardableResult
    func write(_ text: String, to name: String) throws -> String {
        let target = file(name)
        try text.write(toFile: target, atomically: true, encoding: .utf8)
        return target
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
