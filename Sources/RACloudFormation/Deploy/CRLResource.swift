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
        let existing = try prior.flatMap { try context.tx.revocationList(id: $0.physicalId) }
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
        // The import (which also verifies the list against the anchor) always writes; a list that
        // came out the same gets its stored record, timestamps included, back.
        var sameApartFromTime = tagged
        sameApartFromTime.createdAt = existing?.createdAt ?? tagged.createdAt
        sameApartFromTime.updatedAt = existing?.updatedAt ?? tagged.updatedAt
        let unchanged = sameApartFromTime == existing
        if let existing, unchanged {
            try context.tx.put(existing)
        } else if tagged != record {
            try context.tx.put(tagged)
        }
        return AppliedResource(
            record: Stack.Resource(logicalId: reader.logicalId, type: type, physicalId: record.crlId, arn: record.crlArn),
            attributes: ["CrlId": record.crlId, "CrlArn": record.crlArn], unchanged: unchanged)
    }
}
