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

    /// The stack after the deploy: its resources in template order and its evaluated outputs, and
    /// what happened to each resource (by logical id).
    public struct Result: Sendable {
        public var stack: Stack
        /// New logical ids.
        public var created: [String]
        /// Changed in place.
        public var updated: [String]
        /// A new physical resource replaced the old one (e.g. a changed `RoleName`); the old one is gone.
        public var replaced: [String]
        /// Already exactly as the template says; their records were not touched.
        public var unchanged: [String]
        /// No longer in the template, and deleted.
        public var deleted: [String]

        /// `{"stackName", "stackId", "resources": [{logicalId, type, physicalId, arn}], "outputs": {…},
        /// "created", "updated", "replaced", "unchanged", "deleted"}`.
        public func json() -> String {
            var root = OrderedMap()
            root["stackName"] = .string(stack.stackName)
            root["stackId"] = .string(stack.stackId)
            root["resources"] = .list(stack.resources.map(Deployer.json))
            var outputs = OrderedMap()
            for key in stack.outputs.keys.sorted() { outputs[key] = .string(stack.outputs[key] ?? "") }
            root["outputs"] = .map(outputs)
            root["created"] = .list(created.map(TemplateValue.string))
            root["updated"] = .list(updated.map(TemplateValue.string))
            root["replaced"] = .list(replaced.map(TemplateValue.string))
            root["unchanged"] = .list(unchanged.map(TemplateValue.string))
            root["deleted"] = .list(deleted.map(TemplateValue.string))
            return TemplateValue.map(root).prettyJSONText
        }
    }

    /// A stack torn down by `undeploy`: the resources deleted, in deletion order (newest first).
    public struct Removal: Sendable {
        public var stackName: String
        public var stackId: String
        public var deleted: [Stack.Resource]

        /// `{"stackName", "stackId", "deleted": [{logicalId, type, physicalId, arn}]}`.
        public func json() -> String {
            var root = OrderedMap()
            root["stackName"] = .string(stackName)
            root["stackId"] = .string(stackId)
            root["deleted"] = .list(deleted.map(Deployer.json))
            return TemplateValue.map(root).prettyJSONText
        }
    }

    static func json(_ resource: Stack.Resource) -> TemplateValue {
        var entry = OrderedMap()
        entry["logicalId"] = .string(resource.logicalId)
        entry["type"] = .string(resource.type)
        entry["physicalId"] = .string(resource.physicalId)
        entry["arn"] = resource.arn.map(TemplateValue.string) ?? .null
        return .map(entry)
    }

    /// CloudFormation's rule for stack names, with its wording: they appear in stack ARNs and in
    /// generated role names, so anything else would make names AWS could never have made.
    public static func validateStackName(_ name: String) throws(DeployError) {
        var errors: [String] = []
        let prefix = "Value '\(name)' at 'stackName' failed to satisfy constraint: "
        if name.count > 128 {
            errors.append(prefix + "Member must have length less than or equal to 128")
        }
        let isLetter = { (c: Character) in c.isASCII && c.isLetter }
        if !(name.first.map(isLetter) ?? false) || !name.allSatisfy({ isLetter($0) || ($0.isASCII && $0.isNumber) || $0 == "-" }) {
            errors.append(prefix + "Member must satisfy regular expression pattern: [a-zA-Z][-a-zA-Z0-9]*")
        }
        guard errors.isEmpty else {
            throw DeployError("\(errors.count) validation error\(errors.count == 1 ? "" : "s") detected: " + errors.joined(separator: "; "))
        }
    }

    /// Deletes every resource of the stack and the stack record, in one transaction: the only way
    /// to tear a stack down, since a template without resources is refused.
    public func undeploy(stackName: String) throws -> Removal {
        try Self.validateStackName(stackName)
        return try store.write { tx in
            guard let stack = try tx.stack(name: stackName) else {
                throw DeployError("Stack with id \(stackName) does not exist")
            }
            let deleted = Array(stack.resources.reversed())
            for resource in deleted { try Self.delete(resource, tx: tx) }
            try tx.deleteStack(name: stackName)
            return Removal(stackName: stackName, stackId: stack.stackId, deleted: deleted)
        }
    }

    public func deploy(templateText: String, stackName: String, parameters given: [String: String], now: Date) throws -> Result {
        try Self.validateStackName(stackName)
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
        var created: [String] = [], updated: [String] = [], replaced: [String] = [], unchanged: [String] = []
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
            switch Self.change(prior: prior, applied: applied) {
            case .created: created.append(logicalId)
            case .updated: updated.append(logicalId)
            case .replaced: replaced.append(logicalId)
            case .unchanged: unchanged.append(logicalId)
            }
        }

        // Whatever the previous deploy made that this template no longer has (or has under another
        // type, or was replaced under a new name) goes, newest first. A replaced resource's old
        // physical resource goes too, but is reported as replaced, not deleted.
        var deleted: [String] = []
        let kept = Set(resolver.all.map { "\($0.record.type)|\($0.record.physicalId)" })
        for old in (previous?.resources ?? []).reversed() where !kept.contains("\(old.type)|\(old.physicalId)") {
            try Self.delete(old, tx: tx)
            let wasReplaced = replaced.contains(old.logicalId) && template.resource(named: old.logicalId)?.type == old.type
            if !wasReplaced { deleted.append(old.logicalId) }
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
        return Result(stack: stack, created: created, updated: updated, replaced: replaced, unchanged: unchanged, deleted: deleted)
    }

    enum Change { case created, updated, replaced, unchanged }

    static func change(prior: Stack.Resource?, applied: AppliedResource) -> Change {
        guard let prior else { return .created }
        if prior.physicalId != applied.record.physicalId { return .replaced }
        return applied.unchanged ? .unchanged : .updated
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
    /// The stored resource already matched the template (apart from timestamps) and was left as it was.
    var unchanged = false
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
