import Foundation

/// Decodes JSON bodies with `JSONDecoder` and turns its errors into `SerializationException`s
/// that name the offending member, e.g. `Value at 'durationSeconds' must be an integer.`
enum JSONBody {
    /// Decodes `T` from `bytes`; an empty or all-whitespace body counts as `{}` when `emptyIsObject`.
    static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8], emptyIsObject: Bool) throws(WireError) -> T {
        let isBlank = bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        let data = isBlank && emptyIsObject ? Data("{}".utf8) : Data(bytes)
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let error as DecodingError {
            throw wireError(for: error)
        } catch {
            throw .serialization("The body is not valid JSON.")
        }
    }

    private static func wireError(for error: DecodingError) -> WireError {
        switch error {
        case .typeMismatch(let expected, let context):
            let path = dottedPath(context.codingPath)
            if path.isEmpty { return .serialization("The body must be a JSON object.") }
            return .serialization("Value at '\(path)' must be \(describe(expected)).")
        case .valueNotFound(_, let context):
            return .serialization("Value at '\(dottedPath(context.codingPath))' must not be null.")
        case .keyNotFound(let key, let context):
            return .serialization("Missing required member '\(dottedPath(context.codingPath + [key]))'.")
        case .dataCorrupted(let context):
            let path = dottedPath(context.codingPath)
            if path.isEmpty { return .serialization("The body is not valid JSON.") }
            return .serialization("Value at '\(path)' is not valid.")
        @unknown default:
            return .serialization("The body is not valid JSON.")
        }
    }

    /// `credentialSet[0].credentials.accessKeyId` style paths.
    private static func dottedPath(_ keys: [any CodingKey]) -> String {
        var path = ""
        for key in keys {
            if let index = key.intValue {
                path += "[\(index)]"
            } else {
                path += (path.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return path
    }

    private static func describe(_ type: Any.Type) -> String {
        switch ObjectIdentifier(type) {
        case ObjectIdentifier(Int.self): "an integer"
        case ObjectIdentifier(String.self): "a string"
        case ObjectIdentifier(Bool.self): "a boolean"
        default: String(describing: type).hasPrefix("Array") ? "an array" : "an object"
        }
    }
}
