/// Settings that only matter for PKCS#11 tokens, TPM keys and OS certificate stores. They are kept
/// together so the common file-based configuration stays small.
public struct HardwareKeyOptions: Sendable, Equatable {
    /// `--cert-selector`: inline `Key=…,Value=…` pairs or `file://selector.json`.
    public var certSelector: String?
    /// `--system-store-name` (Windows only), default `MY`.
    public var systemStoreName: String
    public var useLatestExpiringCertificate: Bool
    /// `--pkcs11-lib`; nil means `p11-kit-proxy.so`.
    public var pkcs11Library: String?
    public var reusePin: Bool
    /// The PKCS#11 user PIN for unattended use, consulted after the URI's `pin-value` and
    /// `pin-source`; the executable reads it from `AWS_SIGNING_HELPER_PKCS11_PIN`.
    public var pkcs11PIN: String?
    public var tpmKeyPassword: String?
    public var noTPMKeyPassword: Bool
    /// The TPM key password for unattended use, consulted only where the official helper would
    /// prompt (no `--tpm-key-password`, and a key that has a password); the executable reads it
    /// from `AWS_SIGNING_HELPER_TPM_KEY_PASSWORD`.
    public var unattendedTPMKeyPassword: String?

    public init(certSelector: String? = nil, systemStoreName: String = "MY", useLatestExpiringCertificate: Bool = false,
                pkcs11Library: String? = nil, reusePin: Bool = false, tpmKeyPassword: String? = nil,
                noTPMKeyPassword: Bool = false, pkcs11PIN: String? = nil,
                unattendedTPMKeyPassword: String? = nil) {
        self.certSelector = certSelector
        self.systemStoreName = systemStoreName
        self.useLatestExpiringCertificate = useLatestExpiringCertificate
        self.pkcs11Library = pkcs11Library
        self.reusePin = reusePin
        self.pkcs11PIN = pkcs11PIN
        self.tpmKeyPassword = tpmKeyPassword
        self.noTPMKeyPassword = noTPMKeyPassword
        self.unattendedTPMKeyPassword = unattendedTPMKeyPassword
    }
}
