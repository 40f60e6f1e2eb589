import RACore
import RACrypto

/// `AWS::RolesAnywhere::TrustAnchor`: Ref is the id; GetAtt TrustAnchorId, TrustAnchorArn.
enum TrustAnchorResource {
    static let type = "AWS::RolesAnywhere::TrustAnchor"

    static func apply(_ reader: PropertyReader, prior: Stack.Resource?, context: DeployContext) throws -> AppliedResource {
        try reader.allowOnly(["Name", "Source", "Enabled", "NotificationSettings", "Tags"])
        let name = try reader.requiredString("Name")
        guard name.count <= 255, name.allSatisfy({ $0.isLetter || $0.isNumber || " -_".contains($0) }) else {
            throw reader.failure("Name", "must be 1-255 characters of letters, digits, space, - and _")
        }
        guard let source = try reader.map("Source") else { throw reader.failure("Source", "is required") }
        let sourceType = source["SourceType"]?.stringValue ?? ""
        guard sourceType == "CERTIFICATE_BUNDLE" || sourceType == "SELF_SIGNED_REPOSITORY" else {
            if sourceType == "AWS_ACM_PCA" { throw reader.failure("Source.SourceType", "AWS_ACM_PCA is not available on a self-hosted server; use CERTIFICATE_BUNDLE") }
            throw reader.failure("Source.SourceType", "must be CERTIFICATE_BUNDLE")
        }
        guard let pem = source["SourceData"]?.mapValue?["X509CertificateData"]?.stringValue, !pem.isEmpty else {
            throw reader.failure("Source.SourceData.X509CertificateData", "is required (the CA certificate, PEM)")
        }
        try validateCertificates(pem, reader: reader)
        let settings = try notificationSettings(reader)
        let tags = try reader.tags().map { Tag(key: $0.key, value: $0.value) }
        let existing = try prior.flatMap { try context.tx.trustAnchor(id: $0.physicalId) }
        let id = existing?.trustAnchorId ?? Identifiers.uuid()
        let anchor = TrustAnchor(
            trustAnchorId: id, trustAnchorArn: context.configuration.trustAnchorArn(id: id), name: name,
            enabled: try reader.bool("Enabled") ?? true,
            source: .init(sourceType: .certificateBundle, x509CertificateData: pem),
            notificationSettings: settings ?? existing?.notificationSettings ?? NotificationSetting.defaults,
            tags: tags, createdAt: existing?.createdAt ?? context.now, updatedAt: context.now)
        var sameApartFromTime = anchor
        sameApartFromTime.updatedAt = existing?.updatedAt ?? anchor.updatedAt
        let unchanged = sameApartFromTime == existing
        if !unchanged { try context.tx.put(anchor) }
        return AppliedResource(
            record: Stack.Resource(logicalId: reader.logicalId, type: type, physicalId: id, arn: anchor.trustAnchorArn),
            attributes: ["TrustAnchorId": id, "TrustAnchorArn": anchor.trustAnchorArn], unchanged: unchanged)
    }

    /// The bundle must hold at least one certificate, and each must be a CA.
    static func validateCertificates(_ pem: String, reader: PropertyReader) throws {
        let certificates: [Certificate]
        do { certificates = try Certificate.parseMany(pemOrDER: Array(pem.utf8)) } catch {
            throw reader.failure("Source.SourceData.X509CertificateData", "is not a PEM certificate: \(error)")
        }
        guard !certificates.isEmpty else {
            throw reader.failure("Source.SourceData.X509CertificateData", "holds no certificate")
        }
        for certificate in certificates where certificate.basicConstraints?.isCA != true {
            throw reader.failure("Source.SourceData.X509CertificateData", "\(certificate.subject) is not a CA certificate (basicConstraints CA:TRUE is required)")
        }
    }

    static func notificationSettings(_ reader: PropertyReader) throws -> [NotificationSetting]? {
        guard let list = try reader.list("NotificationSettings") else { return nil }
        var settings = NotificationSetting.defaults
        for element in list {
            guard let map = element.mapValue, let event = map["Event"]?.stringValue,
                  let index = settings.firstIndex(where: { $0.event == event }) else {
                throw reader.failure("NotificationSettings", "each entry needs Event CA_CERTIFICATE_EXPIRY or END_ENTITY_CERTIFICATE_EXPIRY")
            }
            if let enabled = map["Enabled"]?.boolValue { settings[index].enabled = enabled }
            if let threshold = map["Threshold"]?.numberValue {
                guard (1...360).contains(Int(threshold)) else { throw reader.failure("NotificationSettings", "Threshold must be 1-360") }
                settings[index].threshold = Int(threshold)
            }
            settings[index].configuredBy = nil
        }
        return settings
    }
}
