import RACommandLine
import RAHelperKit

/// `sign-string`: signs the official self-test message with the selected key and prints the
/// signature (JSON string by default, despite the official README saying text), with no newline.
enum SignStringCommand {
    static let command = Command(
        name: "sign-string",
        summary: "Signs a fixed string using the passed-in private key (or reference to private key)",
        flags: flags, mutuallyExclusive: exclusions)

    /// The official flags (its own set: no ARNs, no `--intermediates`), plus `--pkcs12-password`.
    static let flags: [Flag] = [
        .string("certificate", usage: "Path to certificate file or PKCS#11 URI to identify the certificate"),
        .string("private-key", usage: "Path to private key file or PKCS#11 URI to identify the private key"),
        .bool("debug", usage: "To print debug output"),
        .string("cert-selector", usage: "JSON structure to identify a certificate from a certificate store. "
            + "Can be passed in either as string or a file name (prefixed by \"file://\")"),
        .string("system-store-name", default: "MY", usage: "Name of the system store to search for. "
            + "Note that this flag is only relevant for Windows certificate stores and will be ignored otherwise"),
        .bool("use-latest-expiring-certificate", usage: "If multiple certificates match a given certificate selector, "
            + "the one that expires the latest will be chosen (if more than one still fits this criteria, an arbitrary "
            + "one is chosen from those that meet the criteria)"),
        .string("pkcs11-lib", usage: "Library for smart card / cryptographic device (default: p11-kit-proxy.{so, dll, dylib})"),
        .bool("reuse-pin", usage: "Use the CKU_USER PIN as the CKU_CONTEXT_SPECIFIC PIN for private key objects, when "
            + "they are first used to sign. If the CKU_USER PIN doesn't work as the CKU_CONTEXT_SPECIFIC PIN for a given "
            + "private key object, fall back to prompting the user"),
        .string("tpm-key-password", usage: "Password for TPM key, if applicable"),
        .bool("no-tpm-key-password", usage: "Required if the TPM key has no password and a handle is used to refer to the key"),
        .string("format", default: SigningTestFormat.json.rawValue, usage: "Output format. One of json, text, and bin"),
        .string("digest", default: SigningTestDigest.sha256.rawValue, usage: "One of SHA256, SHA384, and SHA512"),
        .string("pkcs8-password", usage: "Password for PKCS#8 key, if applicable"),
        HelperCommandLine.pkcs12PasswordFlag,
    ]

    static let exclusions: [[String]] = [
        ["certificate", "cert-selector"],
        ["certificate", "system-store-name"],
        ["private-key", "cert-selector"],
        ["private-key", "system-store-name"],
        ["private-key", "use-latest-expiring-certificate"],
        ["use-latest-expiring-certificate", "reuse-pin"],
        ["cert-selector", "reuse-pin"],
        ["system-store-name", "reuse-pin"],
        ["tpm-key-password", "cert-selector"],
        ["tpm-key-password", "reuse-pin"],
        ["no-tpm-key-password", "cert-selector"],
        ["no-tpm-key-password", "reuse-pin"],
        ["no-tpm-key-password", "tpm-key-password"],
        ["pkcs8-password", "tpm-key-password"],
    ]

    static func run(_ flags: FlagValues, environment: [String: String]) throws(CLIError) -> HelperMain.Outcome {
        let format = try EnumFlag.value(flags, "format", SigningTestFormat.self)
        let digest = try EnumFlag.value(flags, "digest", SigningTestDigest.self)
        let configuration = CredentialFlags.configuration(from: flags, environment: environment)
        let signature: [UInt8]
        do {
            signature = try SigningTest.signature(configuration: configuration, digest: digest)
        } catch {
            throw CLIError(message: error.message)
        }
        let rendered = format.render(signature)
        return HelperMain.Outcome(standardOutput: String(decoding: rendered, as: UTF8.self), exitCode: 0,
                                  binaryOutput: format == .bin ? rendered : nil)
    }
}
