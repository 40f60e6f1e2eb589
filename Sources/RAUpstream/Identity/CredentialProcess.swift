import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RAWire
import Synchronization

/// Runs a `credential_process` command and reads the credentials it prints.
///
/// The command runs through `/bin/sh -c`, as the AWS SDK for Go does, so quoting in the config
/// file works as operators expect; its environment is exactly the map the caller supplies (the
/// library reads no environment of its own). Expected output, the SDKs' contract:
/// `{"Version": 1, "AccessKeyId": …, "SecretAccessKey": …, "SessionToken": …, "Expiration": …}`
/// with the last two optional. Standard output is never quoted in errors: it holds secrets.
public struct CredentialProcess: Sendable {
    public var command: String
    public var environment: [String: String]
    /// The process is terminated after this long.
    public var timeoutSeconds: Double
    /// Where the credentials are said to come from in messages, e.g. `credential_process (profile ops)`.
    public var label: String

    public init(command: String, environment: [String: String], timeoutSeconds: Double = 30,
                label: String = "credential_process") {
        self.command = command
        self.environment = environment
        self.timeoutSeconds = timeoutSeconds
        self.label = label
    }

    public func run(now: Date) throws(UpstreamCredentialError) -> UpstreamCredentials {
        let output = try execute()
        return try Self.parse(output, now: now, label: label)
    }

    /// The JSON contract, checked strictly: a wrong version, a missing key or an expiry in the
    /// past is an error rather than credentials that would fail later.
    static func parse(_ output: [UInt8], now: Date, label: String) throws(UpstreamCredentialError) -> UpstreamCredentials {
        struct Output: Decodable {
            var version: Int?
            var accessKeyId: String?
            var secretAccessKey: String?
            var sessionToken: String?
            var expiration: String?

            enum CodingKeys: String, CodingKey {
                case version = "Version", accessKeyId = "AccessKeyId", secretAccessKey = "SecretAccessKey"
                case sessionToken = "SessionToken", expiration = "Expiration"
            }
        }
        let decoded: Output
        do { decoded = try JSONDecoder().decode(Output.self, from: Data(output)) } catch {
            throw UpstreamCredentialError(source: label, message: "the output is not the expected JSON object")
        }
        guard decoded.version == 1 else {
            throw UpstreamCredentialError(source: label, message: "the output's Version is \(decoded.version.map(String.init) ?? "missing"), expected 1")
        }
        guard let accessKey = decoded.accessKeyId, !accessKey.isEmpty else {
            throw UpstreamCredentialError(source: label, message: "the output has no AccessKeyId")
        }
        guard let secret = decoded.secretAccessKey, !secret.isEmpty else {
            throw UpstreamCredentialError(source: label, message: "the output has no SecretAccessKey")
        }
        var expiration: Date?
        if let text = decoded.expiration {
            do { expiration = try RFC3339.parse(text) } catch {
                throw UpstreamCredentialError(source: label, message: "the output's Expiration is not an RFC 3339 time")
            }
        }
        if let expiration, expiration <= now {
            throw UpstreamCredentialError(source: label, message: "the credentials expired at \(RFC3339.format(expiration))")
        }
        let token = decoded.sessionToken.flatMap { $0.isEmpty ? nil : $0 }
        return UpstreamCredentials(keys: HMACCredentials(accessKeyID: accessKey, secretAccessKey: secret, sessionToken: token),
                                   expiration: expiration, source: label)
    }

    /// Standard output of a successful run.
    private func execute() throws(UpstreamCredentialError) -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.environment = environment
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw UpstreamCredentialError(source: label, message: "could not start /bin/sh: \(error.localizedDescription)")
        }
        let collected = CollectedOutput()
        let readers = DispatchGroup()
        for (pipe, isError) in [(stdout, false), (stderr, true)] {
            let handle = pipe.fileHandleForReading
            DispatchQueue.global().async(group: readers) {
                collected.store(handle.readDataToEndOfFile(), isError: isError)
            }
        }
        if readers.wait(timeout: .now() + timeoutSeconds) == .timedOut {
            // SIGKILL, not terminate(): a child started from a libdispatch thread inherits its
            // blocked SIGTERM, and a hung credential helper deserves no grace period anyway.
            kill(process.processIdentifier, SIGKILL)
            _ = readers.wait(timeout: .now() + 2)
            throw UpstreamCredentialError(source: label, message: "the command did not finish within \(timeoutSeconds) s")
        }
        process.waitUntilExit()
        let (output, errorText) = collected.result()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let how = process.terminationReason == .exit ? "exited with status \(process.terminationStatus)"
                : "was killed by signal \(process.terminationStatus)"
            let firstLine = errorText.split(whereSeparator: \.isNewline).first.map { String($0.prefix(300)) }
            throw UpstreamCredentialError(source: label, message: "the command " + how + (firstLine.map { ": " + $0 } ?? ""))
        }
        return output
    }
}

/// Both output streams of the child, filled by two reader threads.
private final class CollectedOutput: Sendable {
    private let streams = Mutex<(output: [UInt8], error: [UInt8])>(([], []))

    func store(_ data: Data, isError: Bool) {
        streams.withLock { streams in
            if isError { streams.error = [UInt8](data) } else { streams.output = [UInt8](data) }
        }
    }

    func result() -> (output: [UInt8], errorText: String) {
        streams.withLock { ($0.output, String(decoding: $0.error, as: UTF8.self)) }
    }
}
