import Foundation
import RAWire

/// `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN` and the optional
/// `AWS_CREDENTIAL_EXPIRATION`, read from a map the caller passes in (the library never reads
/// the process environment itself).
public struct EnvironmentCredentialSource: Sendable {
    public var environment: [String: String]

    public init(environment: [String: String]) {
        self.environment = environment
    }

    private static let name = "environment"

    public func resolve(now: Date) throws(UpstreamCredentialError) -> CredentialResolution {
        let accessKey = value("AWS_ACCESS_KEY_ID")
        let secret = value("AWS_SECRET_ACCESS_KEY")
        switch (accessKey, secret) {
        case (nil, nil):
            return .absent("\(Self.name): AWS_ACCESS_KEY_ID is not set")
        case (nil, _):
            throw UpstreamCredentialError(source: Self.name, message: "AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not")
        case (_, nil):
            throw UpstreamCredentialError(source: Self.name, message: "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not")
        case (let accessKey?, let secret?):
            var expiration: Date?
            if let text = value("AWS_CREDENTIAL_EXPIRATION") {
                do { expiration = try RFC3339.parse(text) } catch {
                    throw UpstreamCredentialError(source: Self.name, message: "AWS_CREDENTIAL_EXPIRATION is not an RFC 3339 time")
                }
            }
            if let expiration, expiration <= now {
                throw UpstreamCredentialError(source: Self.name,
                                              message: "the credentials expired at \(RFC3339.format(expiration))")
            }
            let keys = HMACCredentials(accessKeyID: accessKey, secretAccessKey: secret,
                                       sessionToken: value("AWS_SESSION_TOKEN"))
            return .found(UpstreamCredentials(keys: keys, expiration: expiration, source: Self.name))
        }
    }

    /// A set, non-blank value; SDKs treat an empty variable as unset.
    private func value(_ name: String) -> String? {
        guard let text = environment[name]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        return text
    }
}
