import Foundation

/// A temporary file for one stream of one subprocess.
struct TemporaryFile: Sendable {
    let path: String

    init(purpose: String) throws {
        var template = Array("/tmp/ra-e2e-run-\(purpose).XXXXXX".utf8CString)
        let descriptor = mkstemp(&template)
        guard descriptor >= 0 else {
            throw FixtureError("cannot create a temporary file: \(String(cString: strerror(errno)))")
        }
        close(descriptor)
        path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    func handleForWriting() throws -> FileHandle {
        guard let handle = FileHandle(forWritingAtPath: path) else { throw FixtureError("cannot open \(path) for writing") }
        return handle
    }

    func handleForReading() throws -> FileHandle {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw FixtureError("cannot open \(path) for reading") }
        return handle
    }

    func contents() -> String {
        String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
    }

    func remove() {
        unlink(path)
    }
}
