import Foundation

/// The helper's stdout, checked byte for byte against the `credential_process` contract:
/// compact JSON, keys in this order, no trailing newline.
struct CredentialProcessOutput: Sendable {
    let accessKeyId: String
    let secretAccessKey: String
    let sessionToken: String
    let expiration: Date

    /// Nil unless `text` is exactly `{"Version":1,"AccessKeyId":"ASIA…",…,"Expiration":"…Z"}`.
    init?(exactly text: String) {
        let shape = #/\{"Version":1,"AccessKeyId":"(ASIA[A-Z2-7]{16})","SecretAccessKey":"([A-Za-z0-9/+]{40})","SessionToken":"([A-Za-z0-9/+=_-]{100,})","Expiration":"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)"\}/#
        guard !text.hasSuffix("\n"), let match = text.wholeMatch(of: shape),
              let expiration = ISO8601DateFormatter().date(from: String(match.output.4)) else { return nil }
        accessKeyId = String(match.output.1)
        secretAccessKey = String(match.output.2)
        sessionToken = String(match.output.3)
        self.expiration = expiration
    }
}
