/// Why a YAML text could not be read, and where: operators fix templates by line number.
public struct YAMLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 1-based line of the problem.
    public let line: Int
    /// 1-based column of the problem.
    public let column: Int
    /// libyaml's problem text (for example "mapping values are not allowed in this context"),
    /// or this module's own for documents libyaml accepts but we refuse.
    public let problem: String

    public init(line: Int, column: Int, problem: String) {
        self.line = line
        self.column = column
        self.problem = problem
    }

    public var description: String { "line \(line), column \(column): \(problem)" }
}
