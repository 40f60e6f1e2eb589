import RACommandLine

/// The helper's command tree, declared as data with the official helper's names, flags and
/// exclusions so existing `credential_process` lines keep working unchanged.
enum HelperCommandLine {
    static let root = Command(
        name: "aws_signing_helper",
        summary: "Retrieve AWS credentials from IAM Roles Anywhere using an X.509 certificate",
        details: """
            A tool that signs requests to IAM Roles Anywhere's CreateSession API with a certificate and \
            its private key, and returns temporary AWS security credentials. Its commands make credential \
            retrieval convenient for the AWS SDKs and CLI.
            """,
        subcommands: [credentialProcess, DiagnoseCommand.command, ReadCertificateDataCommand.command,
                      ServeCommand.command, SignStringCommand.command, UpdateCommand.command, version])

    static let credentialProcess = Command(
        name: "credential-process",
        summary: "Retrieve AWS credentials in the appropriate format for external credential processes",
        details: """
            To retrieve AWS credentials in the appropriate format for external credential processes, \
            as determined by the SDK/CLI. More information can be found at: \
            https://docs.aws.amazon.com/sdkref/latest/guide/feature-process-credentials.html
            """,
        flags: credentialFlags + cacheFlags,
        mutuallyExclusive: credentialExclusions)

    /// Opt-in credential caching, `credential-process` only (`update` and `serve` hold credentials themselves).
    static let cacheFlags: [Flag] = [
        .bool("cache", usage: "Reuse credentials cached on disk until 5 minutes before they expire; "
            + "concurrent invocations share one CreateSession call"),
        .string("cache-file", usage: "Cache file to use (implies --cache); default "
            + "$XDG_CACHE_HOME/aws_signing_helper/<key>.cache or ~/.cache/aws_signing_helper/<key>.cache"),
    ]

    static let version = Command(
        name: "version", summary: "Prints the version number of the credential helper",
        details: "Prints the version number of the credential helper")

    /// The flags shared by `credential-process`, `update` and `serve` in the official helper.
    static let credentialFlags: [Flag] = [
        .string("role-arn", usage: "Target role to assume"),
        .string("profile-arn", usage: "Profile to pull policies, attribute mappings, and other data from"),
        .string("trust-anchor-arn", usage: "Trust anchor to use for authentication"),
        .int("session-duration", default: 3600, usage: "Duration, in seconds, for the resulting session"),
        .string("region", usage: "Signing region"),
        .string("endpoint", usage: "Endpoint used to call CreateSession"),
        .bool("no-verify-ssl", usage: "To disable SSL verification"),
        .bool("with-proxy", usage: "To make the CreateSession call with a proxy"),
        .bool("debug", usage: "To print debugging output"),
        .string("certificate", usage: "Path to certificate file"),
        .string("private-key", usage: "Path to private key file"),
        .string("intermediates", usage: "Path to intermediate certificate bundle file"),
        .string("cert-selector", usage: "JSON structure to identify a certificate from a certificate store. "
            + "Can be passed in either as string or a file name (prefixed by \"file://\")"),
        .string("system-store-name", default: "MY",
                usage: "Name of the system store to search for the certificate in (Windows only)"),
        .bool("use-latest-expiring-certificate",
              usage: "If multiple certificates match a given certificate selector, the one that expires the latest will be chosen"),
        .string("pkcs11-lib", usage: "Library for smart card / cryptographic device (OpenSC or vendor specific)"),
        .bool("reuse-pin", usage: "Use the CKU_USER PIN as the CKU_CONTEXT_SPECIFIC PIN for private key objects, "
            + "when they are first used to sign"),
        .string("tpm-key-password", usage: "Password for TPM key, if applicable"),
        .bool("no-tpm-key-password", usage: "Required if the TPM key has no password and a handle is used to refer to the key"),
        .string("role-session-name", usage: "An identifier of a role session"),
        .string("pkcs8-password", usage: "Password for an encrypted PKCS#8 private key"),
        pkcs12PasswordFlag,
    ]

    /// Ours: the official helper opens PKCS#12 files with the empty password only.
    static let pkcs12PasswordFlag = Flag.string(
        "pkcs12-password", usage: "Password for a PKCS#12 file given with --certificate (default: the empty password)")

    static let credentialExclusions: [[String]] = [
        ["certificate", "cert-selector"],
        ["certificate", "system-store-name"],
        ["private-key", "cert-selector"],
        ["private-key", "system-store-name"],
        ["private-key", "use-latest-expiring-certificate"],
        ["use-latest-expiring-certificate", "intermediates"],
        ["use-latest-expiring-certificate", "reuse-pin"],
        ["cert-selector", "intermediates"],
        ["cert-selector", "reuse-pin"],
        ["system-store-name", "reuse-pin"],
        ["tpm-key-password", "cert-selector"],
        ["tpm-key-password", "reuse-pin"],
        ["no-tpm-key-password", "cert-selector"],
        ["no-tpm-key-password", "tpm-key-password"],
        ["pkcs8-password", "tpm-key-password"],
    ]
}
