/// Declares one long option of a command, with pflag's value semantics.
///
/// Flags are declared per command (cobra's `PersistentFlags` on each subcommand), so the same name may
/// mean different things under different commands.
public struct Flag: Sendable, Equatable {
    /// How the text after the flag name is turned into a value.
    public enum Kind: Sendable, Equatable {
        /// `--name value` or `--name=value`; the last occurrence wins.
        case string(default: String)
        /// `--name` means true; a value only with `=` (`--name=false`), like pflag's `NoOptDefVal`.
        case bool(default: Bool)
        /// Parsed like Go's `strconv.ParseInt(s, 0, 64)`: decimal, `0x`, `0o`, `0b`, `_` separators.
        case int(default: Int)
        /// Repeatable: every occurrence appends one element, commas are not split (pflag `StringArray`).
        case stringArray
    }

    public var name: String
    /// A one-letter alias (`-o`), or nil.
    public var shorthand: Character?
    public var kind: Kind
    public var usage: String
    /// Hidden flags parse normally but are left out of the help text.
    public var isHidden: Bool

    public init(_ name: String, shorthand: Character? = nil, _ kind: Kind, usage: String, isHidden: Bool = false) {
        self.name = name
        self.shorthand = shorthand
        self.kind = kind
        self.usage = usage
        self.isHidden = isHidden
    }

    public static func string(_ name: String, default value: String = "", shorthand: Character? = nil,
                              usage: String) -> Flag {
        Flag(name, shorthand: shorthand, .string(default: value), usage: usage)
    }

    public static func bool(_ name: String, default value: Bool = false, shorthand: Character? = nil,
                            usage: String) -> Flag {
        Flag(name, shorthand: shorthand, .bool(default: value), usage: usage)
    }

    public static func int(_ name: String, default value: Int = 0, shorthand: Character? = nil,
                           usage: String) -> Flag {
        Flag(name, shorthand: shorthand, .int(default: value), usage: usage)
    }

    public static func stringArray(_ name: String, shorthand: Character? = nil, usage: String) -> Flag {
        Flag(name, shorthand: shorthand, .stringArray, usage: usage)
    }

    var isBool: Bool {
        if case .bool = kind { return true }
        return false
    }

    /// The value a command sees when the flag was not given.
    var defaultValue: FlagValue {
        switch kind {
        case .string(let value): .string(value)
        case .bool(let value): .bool(value)
        case .int(let value): .int(value)
        case .stringArray: .strings([])
        }
    }

    /// pflag's name for the value type in help text; empty for booleans.
    var typeName: String {
        switch kind {
        case .string: "string"
        case .bool: ""
        case .int: "int"
        case .stringArray: "stringArray"
        }
    }

    /// pflag's flag label in value errors: `--name`, or `-s, --name` when there is a shorthand.
    var errorLabel: String {
        if let shorthand { return "-\(shorthand), --\(name)" }
        return "--\(name)"
    }
}
