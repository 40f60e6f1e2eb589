import Foundation
import RACore

/// Applies a CloudFormation template to the store as one stack: creates what is new, updates what
/// exists in place, deletes what the template no longer has. All of it happens in one store
/// transaction, so a template that fails anywhere leaves nothing half-applied.
public struct Deployer {
    public static let supportedTypes: Set<String> = [
        TrustAnchorResource.type, ProfileResource.type, CRLResource.type, RoleResource.type,
    ]

    let configuration: ServiceConfiguration
    let store: any Store

    public init(configuration: ServiceConfiguration, store: any Store) {
        self.configuration = configuration
        self.store = store
    }

    /// The stack after the deploy: its resources in template order and its evaluated outputs.
    public struct Result: Sendable {
        public var stack: Stack
        public var created: [String]
        public var updated: [String]
        public var deleted: [String]

        /// `{"stackName", "stackId", "resources": [{logicalId, type, physicalId, arn}], "outputs": {…}}`.
        public func json() -> String {
            var resources: [TemplateValue] = []
            for resource in stack.resources {
                var entry = OrderedMap()
                entry["logicalId"] = .string(resource.logicalId)
                entry["type"] = .string(resource.type)
                entry["physicalId"] = .string(resource.physicalId)
                entry["arn"] = resource.arn.map(TemplateValue.string) ?? .null
                resources.append(.map(entry))
            }
            var outputs = OrderedMap()
            for key in stack.outputs.keys.sorted() { outputs[key] = .string(stack.outputs[key] ?? "") }
            var root = OrderedMap()
            root["stackName"] = .string(stack.stackName)
            root["stackId"] = .string(stack.stackId)
            root["resources"] = .list(resources)
            root["outputs"] = .map(outputs)
            root["created"] = .list(created.map(TemplateValue.string))
            root["updated"] = .list(updated.map(TemplateValue.string))
            root["deleted"] = .list(deleted.map(TemplateValue.string))
            return TemplateValue.map(root).prettyJSONText
        }
    }

    public func deploy(templateText: String, stackName: String, parameters given: [String: String], now: Date) throws -> Result {
        let template: Template
        let parameters: [String: TemplateValue]
        do {
            template = try Template.parse(templateText)
            parameters = try template.bindParameters(given)
        } catch { throw DeployError(error.message) }
        let unsupported = template.resources.map(\.type).filter { !Self.supportedTypes.contains($0) }
        if !unsupported.isEmpty {
            throw DeployError("Template format error: Unrecognized resource types: [\(Array(Set(unsupported)).sorted().joined(separator: ", "))]")
        }
        return try store.write { tx in
            try apply(template, parameters: parameters, stackName: stackName, tx: tx, now: now)
        }
    }

    func apply(_ template: Template, parameters: [String: TemplateValue], stackName: String, tx: any StoreWriter,
               now: Date) throws -> Result {
        let previous = try tx.stack(name: stackName)
        let stackId = previous?.stackId
            ?? "arn:\(configuration.partition):cloudformation:\(configuration.region):\(configuration.accountId):stack/\(stackName)/\(Identifiers.uuid())"
        let resolver = CreatedResources()
        let pseudo = PseudoParameters(accountId: configuration.accountId, region: configuration.region,
                                      stackName: stackName, stackId: stackId, partition: configuration.partition)
        let evaluator: Evaluator
        let order: [String]
        do {
            evaluator = try Evaluator(template: template, parameters: parameters, pseudoParameters: pseudo, resolver: resolver)
            order = try evaluator.creationOrder()
        } catch { throw DeployError(error.message) }

        let context = DeployContext(configuration: configuration, stackName: stackName, tx: tx, now: now,
                                    previous: previous, resolver: resolver)
        var created: [String] = [], updated: [String] = []
        for logicalId in order {
            guard let resource = template.resource(named: logicalId) else { continue }
            let properties: OrderedMap
            do { properties = try evaluator.properties(of: resource) } catch { throw DeployError(error.message) }
            let reader = PropertyReader(logicalId: logicalId, type: resource.type, properties: properties)
            let prior = previous?.resources.first { $0.logicalId == logicalId && $0.type == resource.type }
            let applied: AppliedResource
            switch resource.type {
            case TrustAnchorResource.type: applied = try TrustAnchorResource.apply(reader, prior: prior, context: context)
            case ProfileResource.type: applied = try ProfileResource.apply(reader, prior: prior, context: context)
            case CRLResource.type: applied = try CRLResource.apply(reader, prior: prior, context: context)
            default: applied = try RoleResource.apply(reader, prior: prior, context: context)
            }
            resolver.add(logicalId, applied)
            if prior == nil { created.append(logicalId) } else { updated.append(logicalId) }
        }

        // Whatever the previous deploy made that this template no longer has (or has under another
        // type, or was replaced under a new name) goes, newest first.
        var deleted: [String] = []
        let kept = Set(resolver.all.map { "\($0.record.type)|\($0.record.physicalId)" })
        for old in (previous?.resources ?? []).reversed() where !kept.contains("\(old.type)|\(old.physicalId)") {
            try Self.delete(old, tx: tx)
            deleted.append(old.logicalId)
        }

        var outputs: [String: String] = [:]
        do {
            for output in try evaluator.outputs() {
                outputs[output.name] = output.value.scalarText ?? output.value.jsonText
            }
        } catch { throw DeployError(error.message) }
        let stack = Stack(stackName: stackName, stackId: stackId,
                          resources: order.compactMap { id in resolver.all.first { $0.record.logicalId == id }?.record },
                          outputs: outputs, updatedAt: now)
        try tx.put(stack)
        return Result(stack: stack, created: created, updated: updated, deleted: deleted)
    }

    static func delete(_ resource: Stack.Resource, tx: any StoreWriter) throws {
        switch resource.type {
        case TrustAnchorResource.type:
            try tx.deleteTrustAnchor(id: resource.physicalId)
            for list in try tx.revocationLists() where list.trustAnchorArn == resource.arn { try tx.deleteRevocationList(id: list.crlId) }
        case ProfileResource.type: try tx.deleteProfile(id: resource.physicalId)
        case CRLResource.type: try tx.deleteRevocationList(id: resource.physicalId)
        case RoleResource.type: try tx.deleteRole(name: resource.physicalId)
        default: break
        }
    }
}

/// One resource as applied: its stack record and the attributes `Fn::GetAtt` may read.
struct AppliedResource {
    var record: Stack.Resource
    var attributes: [String: String]
}

/// What every resource applier needs.
struct DeployContext {
    let configuration: ServiceConfiguration
    let stackName: String
    let tx: any StoreWriter
    let now: Date
    let previous: Stack?
    let resolver: CreatedResources
}

/// The resolver the evaluator reads while the deployer creates resources in dependency order.
final class CreatedResources: ResourceResolver {
    private(set) var all: [AppliedResource] = []

    func add(_ logicalId: String, _ applied: AppliedResource) { all.append(applied) }

    func ref(_ logicalId: String) -> TemplateValue? {
        all.first { $0.record.logicalId == logicalId }.map { .string($0.record.physicalId) }
    }

    func getAtt(_ logicalId: String, _ attribute: String) throws -> TemplateValue {
        guard let applied = all.first(where: { $0.record.logicalId == logicalId }) else {
            throw DeployError("Template error: resource \(logicalId) is not created yet (Fn::GetAtt \(logicalId).\(attribute))")
        }
        guard let value = applied.attributes[attribute] else {
            throw DeployError("Template error: resource \(logicalId) of type \(applied.record.type) has no attribute \(attribute); it has \(applied.attributes.keys.sorted().joined(separator: ", "))")
        }
        return .string(value)
    }
}
