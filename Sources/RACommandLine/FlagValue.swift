/// A parsed flag value, typed by the flag's declared kind.
public enum FlagValue: Sendable, Equatable {
    case string(String)
    case bool(Bool)
    case int(Int)
    case strings([String])
}
