/// The JSON body of `POST /sessions`. Every member is optional on the wire: the official helper
/// sends only `durationSeconds` (ARNs travel in the query), body-style clients send the ARNs here.
public struct CreateSessionRequestBody: Sendable, Hashable, Decodable {
    public var durationSeconds: Int?
    public var instanceProperties: [String: String]?
    public var profileArn: String?
    public var roleArn: String?
    public var roleSessionName: String?
    /// Deprecated by AWS and ignored; parsed only so that a typed value does not fail the request.
    public var sessionName: String?
    public var trustAnchorArn: String?

    public init(durationSeconds: Int? = nil, instanceProperties: [String: String]? = nil, profileArn: String? = nil,
                roleArn: String? = nil, roleSessionName: String? = nil, sessionName: String? = nil,
                trustAnchorArn: String? = nil) {
        self.durationSeconds = durationSeconds
        self.instanceProperties = instanceProperties
        self.profileArn = profileArn
        self.roleArn = roleArn
        self.roleSessionName = roleSessionName
        self.sessionName = sessionName
        self.trustAnchorArn = trustAnchorArn
    }

    /// Parses a request body tolerantly: an empty body is `{}`, unknown members and `null`s are
    /// ignored, JSON content type is not checked.
    /// - Throws: `SerializationException` for invalid JSON or a member of the wrong type, naming it.
    public static func decode(_ body: [UInt8]) throws(WireError) -> CreateSessionRequestBody {
        try JSONBody.decode(CreateSessionRequestBody.self, from: body, emptyIsObject: true)
    }

    /// Compact JSON with members in alphabetical order (as the Go SDK serialises them) and absent
    /// members omitted, e.g. `{"durationSeconds":3600}`.
    public func encoded() -> [UInt8] {
        var members: [(name: String, value: JSONValue)] = []
        if let durationSeconds { members.append(("durationSeconds", .integer(durationSeconds))) }
        if let instanceProperties {
            let sorted = instanceProperties.sorted { $0.key < $1.key }
            members.append(("instanceProperties", .object(sorted.map { ($0.key, JSONValue.string($0.value)) })))
        }
        let strings: [(String, String?)] = [("profileArn", profileArn), ("roleArn", roleArn),
                                            ("roleSessionName", roleSessionName), ("sessionName", sessionName),
                                            ("trustAnchorArn", trustAnchorArn)]
        for (name, value) in strings {
            if let value { members.append((name, .string(value))) }
        }
        return JSONValue.object(members).bytes()
    }
}
