import Foundation
import RACommandLine
import RAHelperKit

/// The `--certificate` / `--private-key` spellings that keep secrets off the disk, on top of the
/// official file paths and `pkcs11:` / `handle:` references:
///
/// * `env:NAME` reads the environment variable NAME: PEM text (real newlines or literal `\n`), or
///   base64 of a PEM, DER or PKCS#12 file (environment variables cannot hold binary bytes).
/// * `-` reads standard input to the end: PEM, DER or PKCS#12 bytes. Only one of the two flags can.
///
/// A file literally named `-` or starting with `env:` is still reachable as `./-` or `./env:NAME`, so
/// the syntax cannot make a real path unusable.
enum IdentityArgument {
    static let standardInput = "-"
    static let environmentPrefix = "env:"

    static func certificate(_ argument: String?, environment: [String: String],
                            standardInput: () -> [UInt8]) -> CertificateSource? {
        guard let argument else { return nil }
        if let memory = inMemory(argument, environment: environment, standardInput: standardInput) {
            return .inMemory(memory)
        }
        return CertificateSource(argument: argument)
    }

    static func privateKey(_ argument: String?, environment: [String: String],
                           standardInput: () -> [UInt8]) -> PrivateKeySource? {
        guard let argument else { return nil }
        if let memory = inMemory(argument, environment: environment, standardInput: standardInput) {
            return .inMemory(memory)
        }
        return PrivateKeySource(argument: argument)
    }

    /// Standard input can be read once: it cannot supply both the certificate and the key.
    static func validate(_ flags: FlagValues) throws(CLIError) {
        if flags.string("certificate") == standardInput && flags.string("private-key") == standardInput {
            throw CLIError.usage("--certificate and --private-key cannot both be - (standard input): "
                + "give one of them as a file or env:NAME, or put key and certificate in one PEM on standard input "
                + "and leave out --private-key")
        }
    }

    /// The bytes for `env:NAME` or `-`; nil for every other argument (a path or a URI).
    static func inMemory(_ argument: String, environment: [String: String],
                         standardInput: () -> [UInt8]) -> InMemorySource? {
        if argument == Self.standardInput {
            let bytes = standardInput()
            return bytes.isEmpty ? .unavailable(origin: "standard input", reason: "standard input is empty")
                : InMemorySource(origin: "standard input", bytes: bytes)
        }
        guard argument.hasPrefix(environmentPrefix) else { return nil }
        let name = String(argument.dropFirst(environmentPrefix.count))
        let origin = "environment variable \(name)"
        guard let value = environment[name] else {
            return .unavailable(origin: origin, reason: "environment variable \(name) is not set")
        }
        guard !value.isEmpty else {
            return .unavailable(origin: origin, reason: "environment variable \(name) is empty")
        }
        return InMemorySource(origin: origin, bytes: decode(value))
    }

    /// PEM as is (with literal `\n` sequences turned into newlines, as CI systems often store it),
    /// otherwise base64 when the value is base64, otherwise the text itself (which then fails to
    /// parse with the usual message).
    static func decode(_ value: String) -> [UInt8] {
        if value.contains("-----BEGIN ") {
            let text = value.contains("\n") ? value : value.replacingOccurrences(of: "\\n", with: "\n")
            return Array(text.utf8)
        }
        let compact = value.filter { !$0.isWhitespace }
        if let data = Data(base64Encoded: compact), !data.isEmpty {
            return [UInt8](data)
        }
        return Array(value.utf8)
    }
}
