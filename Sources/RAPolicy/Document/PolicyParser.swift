/// Turns parsed JSON into a `PolicyDocument`, enforcing IAM's grammar and the placement rules of
/// the `PolicyKind`. Every rejection is a `PolicyError`; nothing is silently dropped, because an
/// ignored element can only make a policy more permissive than its author meant.
enum PolicyParser {
    private static let documentElements: Set<String> = ["Version", "Id", "Statement"]
    private static let statementElements: Set<String> = [
        "Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition",
    ]

    static func parse(_ bytes: [UInt8], kind: PolicyKind) throws(PolicyError) -> PolicyDocument {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        guard let json = String(validating: body, as: UTF8.self) else {
            throw .syntax("the document is not valid UTF-8")
        }
        let root: JSONValue
        do {
            root = try JSONParser.parse(Array(body))
        } catch {
            throw .syntax(error.description)
        }
        guard case .object(let members) = root else {
            throw .syntax("a policy must be a JSON object, not \(root.kindDescription)")
        }
        var version = PolicyVersion.v2008_10_17
        var id: String?
        var statementValue: JSONValue?
        for member in members {
            switch member.key {
            case "Version":
                guard case .string(let text) = member.value else { throw .version(member.value.kindDescription) }
                guard let parsed = PolicyVersion(rawValue: text) else { throw .version(text) }
                version = parsed
            case "Id":
                guard case .string(let text) = member.value else { throw .syntax("Id must be a string") }
                id = text
            case "Statement":
                statementValue = member.value
            default:
                throw .syntax("unknown element \"\(member.key)\"; expected one of Version, Id, Statement")
            }
        }
        let statementObjects: [[JSONMember]]
        switch statementValue {
        case .object(let statement)?:
            statementObjects = [statement]
        case .array(let items)? where !items.isEmpty:
            statementObjects = try items.map { (item) throws(PolicyError) -> [JSONMember] in
                guard case .object(let statement) = item else {
                    throw .syntax("each Statement must be an object, not \(item.kindDescription)")
                }
                return statement
            }
        case nil:
            throw .syntax("missing Statement")
        default:
            throw .syntax("Statement must be an object or a non-empty array of objects")
        }
        var statements: [PolicyStatement] = []
        var sids: Set<String> = []
        for (offset, members) in statementObjects.enumerated() {
            let statement = try parseStatement(members, number: offset + 1, version: version, kind: kind)
            if let sid = statement.sid, !sid.isEmpty, !sids.insert(sid).inserted { throw .duplicateSid }
            statements.append(statement)
        }
        return PolicyDocument(json: json, version: version, id: id, statements: statements)
    }

    private static func parseStatement(_ members: [JSONMember], number: Int, version: PolicyVersion,
                                       kind: PolicyKind) throws(PolicyError) -> PolicyStatement {
        var fields: [String: JSONValue] = [:]
        for member in members {
            guard statementElements.contains(member.key) else {
                throw .syntax("unknown element \"\(member.key)\" in statement \(number)")
            }
            fields[member.key] = member.value
        }
        for (first, second) in [("Principal", "NotPrincipal"), ("Action", "NotAction"), ("Resource", "NotResource")]
        where fields[first] != nil && fields[second] != nil {
            throw .syntax("statement \(number) has both \(first) and \(second)")
        }

        var sid: String?
        if let value = fields["Sid"] {
            guard case .string(let text) = value else { throw .syntax("Sid must be a string in statement \(number)") }
            sid = text
        }
        guard let effectValue = fields["Effect"] else { throw .missingEffect }
        guard case .string(let effectText) = effectValue, let effect = PolicyEffect(rawValue: effectText) else {
            if case .string(let text) = effectValue { throw .effect(text) }
            throw .effect(effectValue.kindDescription)
        }

        var principal: PrincipalElement?
        if let value = fields["Principal"] {
            principal = try PrincipalElement.parse(value, negated: false)
        } else if let value = fields["NotPrincipal"] {
            principal = try PrincipalElement.parse(value, negated: true)
        }
        guard let actionValue = fields["Action"] ?? fields["NotAction"] else { throw .missingActions }
        let action = try ActionElement.parse(actionValue, negated: fields["Action"] == nil)
        let resourceName = fields["Resource"] != nil ? "Resource" : "NotResource"
        let resource = try fields[resourceName].map { (value) throws(PolicyError) in
            try ResourceElement.parse(value, negated: resourceName == "NotResource", version: version)
        }
        var conditions: [ConditionClause] = []
        if let value = fields["Condition"] {
            conditions = try ConditionClause.parseBlock(value, version: version)
        }

        switch kind {
        case .any:
            break
        case .identity:
            if principal != nil { throw .principalNotAllowed }
            if resource == nil { throw .missingResources }
        case .trust:
            if principal == nil { throw .missingPrincipal }
            if resource != nil { throw .prohibitedField(resourceName) }
        case .resource:
            if principal == nil { throw .missingPrincipal }
            if resource == nil { throw .missingResources }
        }
        return PolicyStatement(sid: sid, effect: effect, principal: principal, action: action, resource: resource,
                               conditions: conditions)
    }
}

extension JSONValue {
    /// IAM's "string or array of strings" shape, used by Action, Resource and principal values.
    func stringList(element: String) throws(PolicyError) -> [String] {
        switch self {
        case .string(let text):
            return [text]
        case .array(let items):
            var texts: [String] = []
            for item in items {
                guard case .string(let text) = item else {
                    throw .syntax("\(element) must hold strings, not \(item.kindDescription)")
                }
                texts.append(text)
            }
            return texts
        default:
            throw .syntax("\(element) must be a string or an array of strings, not \(kindDescription)")
        }
    }
}
