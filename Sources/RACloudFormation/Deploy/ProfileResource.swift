import RACore
import RAPolicy

/// `AWS::RolesAnywhere::Profile`: Ref is the id; GetAtt ProfileId, ProfileArn.
enum ProfileResource {
    static let type = "AWS::RolesAnywhere::Profile"

    static func apply(_ reader: PropertyReader, prior: Stack.Resource?, context: DeployContext) throws -> AppliedResource {
        try reader.allowOnly(["Name", "RoleArns", "AcceptRoleSessionName", "AttributeMappings", "DurationSeconds", "Enabled",
                              "ManagedPolicyArns", "RequireInstanceProperties", "SessionPolicy", "Tags"])
        let name = try reader.requiredString("Name")
        guard let roleArns = try reader.stringList("RoleArns") else { throw reader.failure("RoleArns", "is required") }
        for arn in roleArns where !(1...1011).contains(arn.count) || !arn.hasPrefix("arn:") {
            throw reader.failure("RoleArns", "'\(arn)' is not a role ARN")
        }
        let duration = try reader.int("DurationSeconds") ?? Profile.defaultDurationSeconds
        guard Profile.durationRange.contains(duration) else {
            throw reader.failure("DurationSeconds", "\(duration) is outside 900-43200")
        }
        let sessionPolicy = try reader.policyText("SessionPolicy")
        if let sessionPolicy {
            do { _ = try PolicyDocument.parse(sessionPolicy) } catch {
                throw reader.failure("SessionPolicy", "MalformedPolicyDocument: \(error.message)")
            }
        }
        let existing = try prior.flatMap { try context.tx.profile(id: $0.physicalId) }
        let id = existing?.profileId ?? Identifiers.uuid()
        let profile = Profile(
            profileId: id, profileArn: context.configuration.profileArn(id: id), name: name,
            enabled: try reader.bool("Enabled") ?? true, roleArns: roleArns, durationSeconds: duration,
            acceptRoleSessionName: try reader.bool("AcceptRoleSessionName") ?? false,
            requireInstanceProperties: try reader.bool("RequireInstanceProperties") ?? false,
            sessionPolicy: sessionPolicy, managedPolicyArns: try reader.stringList("ManagedPolicyArns") ?? [],
            attributeMappings: try attributeMappings(reader) ?? AttributeMapping.defaults,
            tags: try reader.tags().map { Tag(key: $0.key, value: $0.value) },
            createdBy: context.stackName, createdAt: existing?.createdAt ?? context.now, updatedAt: context.now)
        var sameApartFromTime = profile
        sameApartFromTime.updatedAt = existing?.updatedAt ?? profile.updatedAt
        let unchanged = sameApartFromTime == existing
        if !unchanged { try context.tx.put(profile) }
        return AppliedResource(
            record: Stack.Resource(logicalId: reader.logicalId, type: type, physicalId: id, arn: profile.profileArn),
            attributes: ["ProfileId": id, "ProfileArn": profile.profileArn], unchanged: unchanged)
    }

    static func attributeMappings(_ reader: PropertyReader) throws -> [AttributeMapping]? {
        guard let list = try reader.list("AttributeMappings") else { return nil }
        return try list.map { element in
            guard let map = element.mapValue, let fieldName = map["CertificateField"]?.stringValue,
                  let field = AttributeMapping.CertificateField(rawValue: fieldName) else {
                throw reader.failure("AttributeMappings", "CertificateField must be x509Subject, x509Issuer or x509SAN")
            }
            let rules = map["MappingRules"]?.listValue ?? []
            let specifiers = try rules.map { rule in
                guard let specifier = rule.mapValue?["Specifier"]?.scalarText, specifier.count <= 60 else {
                    throw reader.failure("AttributeMappings", "each MappingRule needs a Specifier of at most 60 characters")
                }
                return SessionTags.normalized(specifier)
            }
            return AttributeMapping(certificateField: field, specifiers: specifiers)
        }
    }
}
