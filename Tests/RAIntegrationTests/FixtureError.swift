/// A fixture could not do its part: a missing binary, venv or tool, a server that would not start
/// or stop cleanly, a step a test builds on. The message names what was run and what to do (for a
/// missing peer: `make test`), because these tests fail loudly rather than skip.
struct FixtureError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
