import Foundation
import RAWire

/// The body of `GET /latest/meta-data/iam/security-credentials/<role>`, byte for byte as the
/// official helper writes it with Go's `json.Encoder`: members in its struct order (`AccessKeyId`,
/// `SecretAccessKey`, `Token`, `Code`, `Type`, `Expiration`, `LastUpdated`), `<`, `>` and `&`
/// escaped, and a trailing newline.
struct InstanceMetadataDocument: Sendable {
    var snapshot: CredentialSnapshot
    /// The offset of the helper's local zone at `LastUpdated`: Go writes `time.Now()` in local time.
    var localOffsetSeconds: Int

    var bytes: [UInt8] {
        let credentials = snapshot.credentials
        let document = JSONValue.object([
            ("AccessKeyId", .string(credentials.accessKeyId)),
            ("SecretAccessKey", .string(credentials.secretAccessKey)),
            ("Token", .string(credentials.sessionToken)),
            ("Code", .string("Success")),
            ("Type", .string("AWS-HMAC")),
            ("Expiration", .string(GoTimestamp.rfc3339Nano(snapshot.expiration, offsetSeconds: 0))),
            ("LastUpdated", .string(GoTimestamp.rfc3339Nano(snapshot.obtainedAt, offsetSeconds: localOffsetSeconds))),
        ])
        return document.bytes(escapingHTML: true) + [0x0A]
    }
}
