import Foundation
import RAWire

/// One profile of the shared credentials and config files: static keys, or a `credential_process`.
///
/// Within the profile, keys in the credentials file win over the config file and static keys win
/// over `credential_process`, as in the AWS SDKs. Profiles that chain roles (`role_arn`,
/// `source_profile`) or use SSO are refused with a message rather than ignored.
public struct SharedProfileSource: Sendable {
    /// Usually `~/.aws/credentials`; nil or a missing file counts as empty.
    public var credentialsFile: String?
    /// Usually `~/.aws/config`; nil or a missing file counts as empty.
    public var configFile: String?
    public var profile: String
    /// True when the operator named the profile: then a missing profile is an error, not a skip.
    public var profileIsExplicit: Bool
    /// The environment a `credential_process` command runs with.
    public var processEnvironment: [String: String]
    public var processTimeoutSeconds: Double

    public init(credentialsFile: String?, configFile: String?, profile: String = "default",
                profileIsExplicit: Bool = false, processEnvironment: [String: String] = [:],
                processTimeoutSeconds: Double = 30) {
        self.credentialsFile = credentialsFile
        self.configFile = configFile
        self.profile = profile
        self.profileIsExplicit = profileIsExplicit
        self.processEnvironment = processEnvironment
        self.processTimeoutSeconds = processTimeoutSeconds
    }

    /// The SDKs' locations and profile selection from an environment map:
    /// `AWS_SHARED_CREDENTIALS_FILE`, `AWS_CONFIG_FILE` (default `$HOME/.aws/…`), and
    /// `AWS_PROFILE` (or `AWS_DEFAULT_PROFILE`), else `default`. A `credential_process` command
    /// gets the same map as its environment.
    public init(environment: [String: String]) {
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 }
        func path(_ variable: String, _ fallback: String) -> String? {
            if let set = environment[variable], !set.isEmpty { return set }
            return home.map { ($0.hasSuffix("/") ? String($0.dropLast()) : $0) + "/.aws/" + fallback }
        }
        let named = [environment["AWS_PROFILE"], environment["AWS_DEFAULT_PROFILE"]].compactMap { $0 }.first { !$0.isEmpty }
        self.init(credentialsFile: path("AWS_SHARED_CREDENTIALS_FILE", "credentials"), configFile: path("AWS_CONFIG_FILE", "config"),
                  profile: named ?? "default", profileIsExplicit: named != nil, processEnvironment: environment)
    }

    private var name: String { "profile \(profile)" }

    public func resolve(now: Date) throws(UpstreamCredentialError) -> CredentialResolution {
        let fromCredentials = try load(credentialsFile, kind: .credentials)?.profiles[profile]
        let fromConfig = try load(configFile, kind: .config)?.profiles[profile]
        guard fromCredentials != nil || fromConfig != nil else {
            let files = [credentialsFile, configFile].compactMap { $0 }.joined(separator: " or ")
            let message = "not found in " + (files.isEmpty ? "any file (no paths configured)" : files)
            if profileIsExplicit { throw UpstreamCredentialError(source: name, message: message) }
            return .absent("\(name): \(message)")
        }
        let settings = (fromConfig ?? [:]).merging(fromCredentials ?? [:]) { _, credentialsValue in credentialsValue }
        let origin = fromCredentials?["aws_access_key_id"] != nil ? credentialsFile : configFile
        if let accessKey = nonEmpty(settings["aws_access_key_id"]) {
            guard let secret = nonEmpty(settings["aws_secret_access_key"]) else {
                throw UpstreamCredentialError(source: name, message: "aws_access_key_id is set but aws_secret_access_key is not")
            }
            let keys = HMACCredentials(accessKeyID: accessKey, secretAccessKey: secret,
                                       sessionToken: nonEmpty(settings["aws_session_token"]))
            return .found(UpstreamCredentials(keys: keys, expiration: nil, source: "\(name) in \(origin ?? "shared files")"))
        }
        if let command = nonEmpty(settings["credential_process"]) {
            let process = CredentialProcess(command: command, environment: processEnvironment,
                                            timeoutSeconds: processTimeoutSeconds, label: "credential_process (\(name))")
            return .found(try process.run(now: now))
        }
        let unsupported = ["role_arn", "source_profile", "web_identity_token_file", "sso_session", "sso_start_url"]
            .filter { settings[$0] != nil }
        if !unsupported.isEmpty {
            throw UpstreamCredentialError(source: name, message: "uses \(unsupported.joined(separator: ", ")), which the "
                + "server does not resolve; use static keys, credential_process or a web identity source instead")
        }
        let message = "has neither aws_access_key_id nor credential_process"
        if profileIsExplicit { throw UpstreamCredentialError(source: name, message: message) }
        return .absent("\(name): \(message)")
    }

    /// The parsed file, nil when it does not exist.
    private func load(_ path: String?, kind: ProfileFile.Kind) throws(UpstreamCredentialError) -> ProfileFile? {
        guard let path, FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UpstreamCredentialError(source: name, message: "\(path) exists but cannot be read")
        }
        return ProfileFile(parsing: String(decoding: data, as: UTF8.self), kind: kind)
    }

    private func nonEmpty(_ value: String?) -> String? {
        guard let value, !value.isEmpty else { return nil }
        return value
    }
}
