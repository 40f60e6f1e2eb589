extension Template {
    /// The resources `resource` must wait for: those it names with `Ref`, `Fn::GetAtt` or
    /// `Fn::Sub` (in either branch of an `Fn::If`, since either may be taken), plus `DependsOn`;
    /// in template order.
    public func dependencies(of resource: Resource) throws(TemplateError) -> [String] {
        let wanted = Set(try IntrinsicReferences(.map(resource.properties)).allNames + resource.dependsOn)
        return resources.map(\.logicalId).filter { wanted.contains($0) }
    }

    /// Logical IDs in an order where every resource comes after the ones it depends on; among
    /// resources free to go, template order decides, so the order is stable. Deletion uses the
    /// reverse.
    public func creationOrder() throws(TemplateError) -> [String] {
        let ids = resources.map(\.logicalId)
        var waitingOn: [String: Set<String>] = [:]
        var dependents: [String: [String]] = [:]
        for resource in resources {
            let dependencies = try dependencies(of: resource)
            waitingOn[resource.logicalId] = Set(dependencies)
            for dependency in dependencies { dependents[dependency, default: []].append(resource.logicalId) }
        }
        var order: [String] = []
        var done = Set<String>()
        while order.count < ids.count {
            guard let next = ids.first(where: { !done.contains($0) && waitingOn[$0, default: []].isEmpty }) else {
                throw .validation("Circular dependency between resources: [\(cycleMembers(waitingOn, ids: ids).joined(separator: ", "))]")
            }
            order.append(next)
            done.insert(next)
            for dependent in dependents[next, default: []] { waitingOn[dependent]?.remove(next) }
        }
        return order
    }

    /// Of the resources left waiting, those that lie on a cycle (not merely behind one).
    private func cycleMembers(_ waitingOn: [String: Set<String>], ids: [String]) -> [String] {
        ids.filter { start in
            guard let first = waitingOn[start], !first.isEmpty else { return false }
            var stack = Array(first)
            var seen = Set<String>()
            while let current = stack.popLast() {
                if current == start { return true }
                guard seen.insert(current).inserted else { continue }
                stack.append(contentsOf: waitingOn[current, default: []])
            }
            return false
        }
    }
}
