/// A position in the YAML text, 1-based, as users count lines and columns.
struct YAMLMark: Sendable, Equatable {
    var line: Int
    var column: Int
}
