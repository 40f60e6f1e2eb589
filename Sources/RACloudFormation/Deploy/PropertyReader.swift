/// Typed access to one resource's evaluated properties, with errors that name the resource and
/// the property, and a check that no property is unknown.
struct PropertyReader {
    let logicalId: String
    let type: String
    let properties: OrderedMap

    func failure(_ property: String, _ detail: String) -> DeployError {
        DeployError("Resource \(logicalId) (\(type)) property \(property): \(detail)")
    }

    /// Refuses properties outside `known`, naming the first one found.
    func allowOnly(_ known: Set<String>) throws(DeployError) {
        if let unknown = properties.keys.first(where: { !known.contains($0) }) {
            throw DeployError("Resource \(logicalId) (\(type)): unsupported property \(unknown); supported are \(known.sorted().joined(separator: ", "))")
        }
    }

    func string(_ name: String) throws(DeployError) -> String? {
        guard let value = properties[name], !value.isNull else { return nil }
        guard let text = value.scalarText, value.mapValue == nil else { throw failure(name, "expected a string") }
        return text
    }

    func requiredString(_ name: String) throws(DeployError) -> String {
        guard let value = try string(name), !value.isEmpty else { throw failure(name, "is required") }
        return value
    }

    func bool(_ name: String) throws(DeployError) -> Bool? {
        guard let value = properties[name], !value.isNull else { return nil }
        if let flag = value.boolValue { return flag }
        if let text = value.stringValue?.lowercased(), text == "true" || text == "false" { return text == "true" }
        throw failure(name, "expected true or false")
    }

    func int(_ name: String) throws(DeployError) -> Int? {
        guard let value = properties[name], !value.isNull else { return nil }
        if let number = value.numberValue, number == number.rounded() { return Int(number) }
        if let text = value.stringValue, let number = Int(text) { return number }
        throw failure(name, "expected an integer")
    }

    func stringList(_ name: String) throws(DeployError) -> [String]? {
        guard let value = properties[name], !value.isNull else { return nil }
        guard let list = value.listValue else { throw failure(name, "expected a list of strings") }
        var strings: [String] = []
        for element in list {
            guard let text = element.scalarText else { throw failure(name, "expected a list of strings") }
            strings.append(text)
        }
        return strings
    }

    func map(_ name: String) throws(DeployError) -> OrderedMap? {
        guard let value = properties[name], !value.isNull else { return nil }
        guard let map = value.mapValue else { throw failure(name, "expected an object") }
        return map
    }

    func list(_ name: String) throws(DeployError) -> [TemplateValue]? {
        guard let value = properties[name], !value.isNull else { return nil }
        guard let list = value.listValue else { throw failure(name, "expected a list") }
        return list
    }

    /// A policy given as an object or as JSON text, returned as JSON text.
    func policyText(_ name: String) throws(DeployError) -> String? {
        guard let value = properties[name], !value.isNull else { return nil }
        if let text = value.stringValue { return text }
        guard value.mapValue != nil else { throw failure(name, "expected a policy document (object or JSON string)") }
        return value.jsonText
    }

    /// `Tags: [{Key, Value}]`.
    func tags() throws(DeployError) -> [(key: String, value: String)] {
        guard let list = try list("Tags") else { return [] }
        var tags: [(key: String, value: String)] = []
        for element in list {
            guard let map = element.mapValue, let key = map["Key"]?.scalarText, let value = map["Value"]?.scalarText else {
                throw failure("Tags", "each tag needs Key and Value")
            }
            tags.append((key, value))
        }
        return tags
    }
}

/// A deployment refused, with a message that names the resource and property at fault.
public struct DeployError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
