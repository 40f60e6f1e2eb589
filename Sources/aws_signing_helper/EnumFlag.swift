import RACommandLine

/// The official helper's enum-valued flags (`sign-string --format`, `--digest`): a plain string flag
/// whose value must be one of a fixed, case-sensitive list, rejected with pflag's wording.
enum EnumFlag {
    static func value<Value: RawRepresentable & CaseIterable>(_ flags: FlagValues, _ name: String,
                                                               _ type: Value.Type) throws(CLIError) -> Value
        where Value.RawValue == String {
        let text = flags.string(name)
        if let value = Value(rawValue: text) { return value }
        let allowed = Value.allCases.map(\.rawValue).joined(separator: ",")
        throw CLIError.usage("invalid argument \(quoted(text)) for \"--\(name)\" flag: \(text) is not included in \(allowed)")
    }

    /// Go's `%q` for the plain text users type.
    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
