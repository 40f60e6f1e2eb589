/// One line of `rolesanywhere audit`, decoded with only the fields the tests judge; declared here
/// rather than borrowed from RACore so the printed format itself is under test.
struct AuditEntry: Decodable, Sendable {
    struct Certificate: Decodable, Sendable {
        let serialNumberHex: String
        let serialNumberDecimal: String
        let subject: String
        let issuer: String
    }

    let eventName: String
    let eventTime: String
    let userAgent: String
    let sourceIPAddress: String
    let principal: String?
    let certificate: Certificate?
    let responseElements: [String: String]?
    let errorCode: String?
    let errorMessage: String?
    let denialReason: String?
}
