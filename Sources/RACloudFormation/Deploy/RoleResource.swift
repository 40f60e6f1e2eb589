import RACore
import RAPolicy

/// `AWS::IAM::Role`: Ref is the role name; GetAtt Arn, RoleId.
enum RoleResource {
    static let type = "AWS::IAM::Role"

    static func apply(_ reader: PropertyReader, prior: Stack.Resource?, context: DeployContext) throws -> AppliedResource {
        try reader.allowOnly(["AssumeRolePolicyDocument", "Description", "ManagedPolicyArns", "MaxSessionDuration", "Path",
                              "Policies", "RoleName", "Tags"])
        guard let trust = try reader.policyText("AssumeRolePolicyDocument") else {
            throw reader.failure("AssumeRolePolicyDocument", "is required")
        }
        do { _ = try PolicyDocument.parse(trust) } catch {
            throw reader.failure("AssumeRolePolicyDocument", "MalformedPolicyDocument: \(error.message)")
        }
        let name = try reader.string("RoleName") ?? prior?.physicalId ?? generatedName(context: context, logicalId: reader.logicalId)
        guard (1...64).contains(name.count), name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+=,.@_-".contains($0)) }) else {
            throw reader.failure("RoleName", "'\(name)' must be 1-64 characters of letters, digits and +=,.@_-")
        }
        let path = try reader.string("Path") ?? "/"
        guard path.hasPrefix("/"), path.hasSuffix("/"), path.count <= 512 else {
            throw reader.failure("Path", "must begin and end with /")
        }
        let maxDuration = try reader.int("MaxSessionDuration") ?? Role.defaultMaxSessionDuration
        guard Role.maxSessionDurationRange.contains(maxDuration) else {
            throw reader.failure("MaxSessionDuration", "\(maxDuration) is outside 3600-43200")
        }
        var inline: [String: String] = [:]
        for element in try reader.list("Policies") ?? [] {
            guard let map = element.mapValue, let policyName = map["PolicyName"]?.stringValue, let document = map["PolicyDocument"] else {
                throw reader.failure("Policies", "each policy needs PolicyName and PolicyDocument")
            }
            let text = document.stringValue ?? document.jsonText
            do { _ = try PolicyDocument.parse(text) } catch {
                throw reader.failure("Policies", "\(policyName): MalformedPolicyDocument: \(error.message)")
            }
            inline[policyName] = text
        }
        let existing = try context.tx.role(name: name)
        if let existing, prior?.physicalId.lowercased() != name.lowercased() {
            throw reader.failure("RoleName", "EntityAlreadyExists: Role with name \(existing.roleName) already exists.")
        }
        let role = Role(
            roleId: existing?.roleId ?? Identifiers.alphanumeric(prefix: "AROA", count: 17), roleName: name,
            arn: context.configuration.roleArn(path: path, name: name), path: path, assumeRolePolicyDocument: trust,
            description: try reader.string("Description"), maxSessionDuration: maxDuration,
            managedPolicyArns: try reader.stringList("ManagedPolicyArns") ?? [], inlinePolicies: inline,
            tags: try reader.tags().map { Tag(key: $0.key, value: $0.value) }, createDate: existing?.createDate ?? context.now)
        let unchanged = role == existing
        if !unchanged { try context.tx.put(role) }
        return AppliedResource(
            record: Stack.Resource(logicalId: reader.logicalId, type: type, physicalId: name, arn: role.arn),
            attributes: ["Arn": role.arn, "RoleId": role.roleId], unchanged: unchanged)
    }

    /// CloudFormation's shape for unnamed roles: `stack-Logical-RANDOM`, within 64 characters.
    static func generatedName(context: DeployContext, logicalId: String) -> String {
        let suffix = Identifiers.alphanumeric(prefix: "", count: 12)
        return String("\(context.stackName)-\(logicalId)".prefix(64 - 13)) + "-" + suffix
    }
}
