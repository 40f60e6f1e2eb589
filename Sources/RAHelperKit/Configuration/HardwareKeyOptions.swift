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
    public var tpmKeyPassword: String?
    public var noTPMKeyPassword: Bool

    public init(certSelector: String? = nil, systemStoreName: String = "MY", useLatestExpiringCertificate: Bool = false,
                pkcs11Library: String? = nil, reusePin: Bool = false, tpmKeyPassword: String? = nil,
                noTPMKeyPassword: Bool = false) {
        self.certSelector = certSelector
        self.systemStoreName = systemStoreName
        self.useLatestExpiringCertificate = useLatestExpiringCertificate
        self.pkcs11Library = pkcs11Library
        self.reusePin = reusePin
        self.tpmKeyPassword = tpmKeyPassword
        self.noTPMKeyPassword = noTPMKeyPassword
    }
}
