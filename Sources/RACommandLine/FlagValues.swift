/// The flags of one invocation after parsing: every declared flag has a value (its default when absent),
/// and `isSet` tells an explicit `--x=""` from an omitted flag, which cobra's exclusive groups rely on.
public struct FlagValues: Sendable, Equatable {
    private var values: [String: FlagValue]
    /// Names given on the command line, in no particular order.
    public private(set) var explicitlySet: Set<String>

    init(flags: [Flag]) {
        var values: [String: FlagValue] = [:]
        for flag in flags { values[flag.name] = flag.defaultValue }
        self.values = values
        self.explicitlySet = []
    }

    /// Builds values directly, for tests and for callers that assemble an invocation without parsing.
    public init(_ values: [String: FlagValue], explicitlySet: Set<String> = []) {
        self.values = values
        self.explicitlySet = explicitlySet
    }

    public func isSet(_ name: String) -> Bool { explicitlySet.contains(name) }

    public func value(_ name: String) -> FlagValue? { values[name] }

    /// The string value, or "" when the flag is undeclared or not a string flag.
    public func string(_ name: String) -> String {
        if case .string(let value) = values[name] { return value }
        return ""
    }

    /// The string value when the user gave the flag with a non-empty value, nil otherwise.
    public func nonEmptyString(_ name: String) -> String? {
        let value = string(name)
        return value.isEmpty ? nil : value
    }

    public func bool(_ name: String) -> Bool {
        if case .bool(let value) = values[name] { return value }
        return false
    }

    public func int(_ name: String) -> Int {
        if case .int(let value) = values[name] { return value }
        return 0
    }

    public func strings(_ name: String) -> [String] {
        if case .strings(let value) = values[name] { return value }
        return []
    }

    mutating func record(_ flag: Flag, text: String) throws(CLIError) {
        switch flag.kind {
        case .string:
            values[flag.name] = .string(text)
        case .bool:
            guard let parsed = GoSyntax.parseBool(text) else {
                throw invalidValue(flag, text, cause: "strconv.ParseBool: parsing \(GoSyntax.quote(text)): invalid syntax")
            }
            values[flag.name] = .bool(parsed)
        case .int:
            switch GoSyntax.parseInt(text) {
            case .success(let parsed):
                values[flag.name] = .int(parsed)
            case .failure(let reason):
                throw invalidValue(flag, text, cause: "strconv.ParseInt: parsing \(GoSyntax.quote(text)): \(reason.rawValue)")
            }
        case .stringArray:
            values[flag.name] = .strings(strings(flag.name) + [text])
        }
        explicitlySet.insert(flag.name)
    }

    private func invalidValue(_ flag: Flag, _ text: String, cause: String) -> CLIError {
        .usage("invalid argument \(GoSyntax.quote(text)) for \(GoSyntax.quote(flag.errorLabel)) flag: \(cause)")
    }
}
