import RACore

/// `AWS::RolesAnywhere::CRL`: `CrlData` is the PEM text. Ref and GetAtt CrlId are the id.
enum CRLResource {
    static let type = "AWS::RolesAnywhere::CRL"

    static func apply(_ reader: PropertyReader, prior: Stack.Resource?, context: DeployContext) throws -> AppliedResource {
        try reader.allowOnly(["CrlData", "Name", "Enabled", "TrustAnchorArn", "Tags"])
        let name = try reader.requiredString("Name")
        let data = try reader.requiredString("CrlData")
        guard let anchorArn = try reader.string("TrustAnchorArn") else {
            throw reader.failure("TrustAnchorArn", "is required on a self-hosted server (a CRL belongs to one trust anchor)")
        }
        let record: RevocationList
        do {
            let list = try RevocationImport.parse(Array(data.utf8))
            record = try RevocationImport.importList(list, name: name, trustAnchorArn: anchorArn, enabled: try reader.bool("Enabled") ?? true,
                                                     tx: context.tx, now: context.now, id: prior?.physicalId)
        } catch let failure as ServiceFailure {
            throw reader.failure("CrlData", failure.message)
        }
        var tagged = record
        tagged.tags = try reader.tags().map { Tag(key: $0.key, value: $0.value) }
        if tagged != record { try context.tx.put(tagged) }
        return AppliedResource(
            record: Stack.Resource(logicalId: reader.logicalId, type: type, physicalId: record.crlId, arn: record.crlArn),
            attributes: ["CrlId": record.crlId, "CrlArn": record.crlArn])
    }
}
