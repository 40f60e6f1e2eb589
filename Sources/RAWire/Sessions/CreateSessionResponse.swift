/// The 201 body of `POST /sessions`, member order as AWS sends it (spec §2.5):
/// `{"credentialSet":[{"assumedRoleUser":{…},"credentials":{…},"packedPolicySize":…,"roleArn":…,
/// "sourceIdentity":…}],"subjectArn":…}`.
public struct CreateSessionResponse: Sendable, Hashable, Codable {
    /// Clients use element 0 only; the official helper fails on an empty set.
    public var credentialSet: [CredentialResponse]
    public var subjectArn: String?

    public init(credentialSet: [CredentialResponse], subjectArn: String?) {
        self.credentialSet = credentialSet
        self.subjectArn = subjectArn
    }

    /// Compact JSON, absent optionals omitted.
    public func encoded() -> [UInt8] {
        var members: [(name: String, value: JSONValue)] = [("credentialSet", .array(credentialSet.map(\.json)))]
        if let subjectArn { members.append(("subjectArn", .string(subjectArn))) }
        return JSONValue.object(members).bytes()
    }

    /// Parses a response body (helper side); unknown members are ignored.
    /// - Throws: `SerializationException` naming the member that is missing or mistyped.
    public static func decode(_ body: [UInt8]) throws(WireError) -> CreateSessionResponse {
        try JSONBody.decode(CreateSessionResponse.self, from: body, emptyIsObject: false)
    }
}
