import Foundation

/// The whole process environment as a value, read once in `main.swift` and passed down, so that
/// commands stay testable and libraries never read the environment themselves. `env:NAME` arguments
/// may name any variable, hence all of it rather than a list.
enum ProcessEnvironment {
    static func current() -> [String: String] {
        ProcessInfo.processInfo.environment
    }
}
