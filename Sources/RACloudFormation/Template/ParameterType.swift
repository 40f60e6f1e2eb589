/// A parameter's declared `Type`, which decides how the given text is turned into a value.
public enum ParameterType: Sendable, Equatable {
    case string
    case number
    /// `List<Number>`: comma-separated numbers.
    case numberList
    /// `CommaDelimitedList`: comma-separated strings.
    case commaDelimitedList
    /// AWS-specific types such as `AWS::EC2::KeyPair::KeyName`, taken as plain strings since
    /// this server cannot look them up.
    case awsSpecific(String)
    /// `List<AWS::...>`, taken as a list of strings.
    case awsSpecificList(String)

    /// Parses a `Type` value; nil for types this server does not know or cannot honour
    /// (`AWS::SSM::Parameter::Value<...>` would need Parameter Store).
    public init?(typeName: String) {
        switch typeName {
        case "String": self = .string
        case "Number": self = .number
        case "List<Number>": self = .numberList
        case "CommaDelimitedList": self = .commaDelimitedList
        default:
            if typeName.hasPrefix("AWS::SSM::") { return nil }
            if typeName.hasPrefix("List<AWS::"), typeName.hasSuffix(">") {
                self = .awsSpecificList(typeName)
            } else if typeName.hasPrefix("AWS::") {
                self = .awsSpecific(typeName)
            } else {
                return nil
            }
        }
    }

    public var typeName: String {
        switch self {
        case .string: "String"
        case .number: "Number"
        case .numberList: "List<Number>"
        case .commaDelimitedList: "CommaDelimitedList"
        case .awsSpecific(let name), .awsSpecificList(let name): name
        }
    }

    /// List types arrive as one comma-separated text and are referenced as lists.
    public var isList: Bool {
        switch self {
        case .numberList, .commaDelimitedList, .awsSpecificList: true
        case .string, .number, .awsSpecific: false
        }
    }
}
