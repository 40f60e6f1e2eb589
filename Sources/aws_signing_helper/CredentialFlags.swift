import RACommandLine
import RAHelperKit

/// Turns the shared credential flags plus the environment into a `CredentialsConfiguration`.
/// This is the only place the helper reads the environment (`AWS_CA_BUNDLE`).
enum CredentialFlags {
    /// `standardInput` supplies the bytes for `--certificate -` / `--private-key -` (see `IdentityArgument`).
    static func configuration(from flags: FlagValues, environment: [String: String],
                              standardInput: () -> [UInt8] = StandardInput.contents) -> CredentialsConfiguration {
        let hardware = HardwareKeyOptions(
            certSelector: flags.nonEmptyString("cert-selector"),
            systemStoreName: flags.string("system-store-name"),
            useLatestExpiringCertificate: flags.bool("use-latest-expiring-certificate"),
            pkcs11Library: flags.nonEmptyString("pkcs11-lib"),
            reusePin: flags.bool("reuse-pin"),
            tpmKeyPassword: flags.nonEmptyString("tpm-key-password"),
            noTPMKeyPassword: flags.bool("no-tpm-key-password"),
            // Unattended secrets for hardware keys (README "Hardware keys"), used where the official
            // helper would prompt.
            pkcs11PIN: environment["AWS_SIGNING_HELPER_PKCS11_PIN"].flatMap { $0.isEmpty ? nil : $0 },
            unattendedTPMKeyPassword: environment["AWS_SIGNING_HELPER_TPM_KEY_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 })
        return CredentialsConfiguration(
            certificate: IdentityArgument.certificate(flags.nonEmptyString("certificate"), environment: environment,
                                                      standardInput: standardInput),
            privateKey: IdentityArgument.privateKey(flags.nonEmptyString("private-key"), environment: environment,
                                                    standardInput: standardInput),
            intermediatesPath: flags.nonEmptyString("intermediates"),
            trustAnchorArn: flags.string("trust-anchor-arn"),
            profileArn: flags.string("profile-arn"),
            roleArn: flags.string("role-arn"),
            region: flags.nonEmptyString("region"),
            endpoint: flags.nonEmptyString("endpoint"),
            sessionDuration: flags.int("session-duration"),
            roleSessionName: flags.nonEmptyString("role-session-name"),
            noVerifySSL: flags.bool("no-verify-ssl"),
            withProxy: flags.bool("with-proxy"),
            debug: flags.bool("debug"),
            pkcs8Password: flags.nonEmptyString("pkcs8-password"),
            pkcs12Password: flags.nonEmptyString("pkcs12-password"),
            caBundlePath: environment["AWS_CA_BUNDLE"].flatMap { $0.isEmpty ? nil : $0 },
            hardware: hardware)
    }
}
