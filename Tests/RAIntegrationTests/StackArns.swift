/// The three ARNs a workload names, as the deployed example template outputs them.
struct StackArns: Sendable, Decodable {
    let trustAnchorArn: String
    let profileArn: String
    let roleArn: String

    enum CodingKeys: String, CodingKey {
        case trustAnchorArn = "TrustAnchorArn", profileArn = "ProfileArn", roleArn = "RoleArn"
    }
}
