import Foundation
import RAWire

/// The three ARNs and the options of a CreateSession call, from the query string or the JSON body.
///
/// An ARN may come in either place (the official helper uses the query, the Python client the
/// body). If it comes in both with different values the request is refused: our decision where the
/// spec is silent, so that no client is surprised by which one won.
public struct CreateSessionParameters: Sendable, Equatable {
    public var trustAnchorArn: String
    public var profileArn: String
    public var roleArn: String
    public var durationSeconds: Int?
    public var roleSessionName: String?
    public var instanceProperties: [String: String]

    public static func parse(rawQuery: String, body: [UInt8]) -> Result<CreateSessionParameters, ServiceFailure> {
        let query: FormParameters
        let fields: CreateSessionRequestBody
        do {
            query = try FormParameters(parsing: rawQuery)
            fields = try CreateSessionRequestBody.decode(body)
        } catch {
            return .failure(ServiceFailure(.validation, error.message))
        }
        var errors: [String] = []
        func arn(_ name: String, _ fromBody: String?) -> String {
            let fromQuery = query[name]
            if let fromQuery, let fromBody, fromQuery != fromBody {
                errors.append("\(name) appears in both the query string and the body with different values")
            }
            guard let value = fromQuery ?? fromBody, !value.isEmpty else {
                errors.append("Value null at '\(name)' failed to satisfy constraint: Member must not be null")
                return ""
            }
            return value
        }
        let anchor = arn("trustAnchorArn", fields.trustAnchorArn)
        let profile = arn("profileArn", fields.profileArn)
        let role = arn("roleArn", fields.roleArn)
        if let duration = fields.durationSeconds {
            if duration < 900 {
                errors.append("Value '\(duration)' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900")
            } else if duration > 43200 {
                errors.append("Value '\(duration)' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 43200")
            }
        }
        if let properties = fields.instanceProperties {
            errors += instancePropertyErrors(properties)
        }
        if !errors.isEmpty {
            let count = errors.count
            return .failure(ServiceFailure(.validation, "\(count) validation error\(count == 1 ? "" : "s") detected: " + errors.joined(separator: "; ")))
        }
        return .success(CreateSessionParameters(trustAnchorArn: anchor, profileArn: profile, roleArn: role,
                                                durationSeconds: fields.durationSeconds, roleSessionName: fields.roleSessionName,
                                                instanceProperties: fields.instanceProperties ?? [:]))
    }

    /// The control plane's bounds on `InstancePropertyMap` (0..50 entries, keys and values of
    /// 1..200 characters), in AWS's validation wording; the value is shown as Java prints a map.
    static func instancePropertyErrors(_ properties: [String: String]) -> [String] {
        let shown = "{" + properties.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ") + "}"
        let prefix = "Value '\(shown)' at 'instanceProperties' failed to satisfy constraint: "
        let lengths = "[Member must have length less than or equal to \(maxInstancePropertyLength), Member must have length greater than or equal to 1]"
        var errors: [String] = []
        if properties.count > maxInstanceProperties {
            errors.append(prefix + "Member must have length less than or equal to \(maxInstanceProperties)")
        }
        if properties.keys.contains(where: { !(1...maxInstancePropertyLength).contains($0.count) }) {
            errors.append(prefix + "Map keys must satisfy constraint: " + lengths)
        }
        if properties.values.contains(where: { !(1...maxInstancePropertyLength).contains($0.count) }) {
            errors.append(prefix + "Map value must satisfy constraint: " + lengths)
        }
        return errors
    }

    public static let maxInstanceProperties = 50
    public static let maxInstancePropertyLength = 200

    var auditFields: [String: String] {
        var fields = ["trustAnchorArn": trustAnchorArn, "profileArn": profileArn, "roleArn": roleArn]
        if let durationSeconds { fields["durationSeconds"] = String(durationSeconds) }
        if let roleSessionName { fields["roleSessionName"] = roleSessionName }
        return fields
    }
}
