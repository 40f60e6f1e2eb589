/// Everything needed to obtain one set of credentials, as plain values.
///
/// The executable assembles it once from flags and environment (for example `AWS_CA_BUNDLE` into
/// `caBundlePath`); the library never reads the environment itself, so a Swift program linking
/// RAHelperKit gets exactly the behaviour it configured.
public struct CredentialsConfiguration: Sendable, Equatable {
    /// Where the end-entity certificate comes from. `nil` means the operating-system store, which the
    /// official helper only offers on macOS and Windows.
    public var certificate: CertificateSource?
    /// Where the private key comes from. `nil` means "the certificate source holds the key too"
    /// (a combined PEM with key and certificate).
    public var privateKey: PrivateKeySource?
    /// A PEM bundle of intermediate certificates, sent as `X-Amz-X509-Chain` in file order.
    public var intermediatesPath: String?
    public var trustAnchorArn: String
    public var profileArn: String
    public var roleArn: String
    /// Signing and endpoint region; `nil` takes the trust anchor ARN's region.
    public var region: String?
    /// Base URL such as `https://localhost:8443`; `/sessions` is appended. `nil` derives
    /// `https://rolesanywhere.<region>.amazonaws.com`.
    public var endpoint: String?
    /// Sent as `durationSeconds`; the service clamps it to the profile's limit.
    public var sessionDuration: Int
    /// Sent as `roleSessionName` only when non-nil and non-empty.
    public var roleSessionName: String?
    /// Skips TLS peer verification (`--no-verify-ssl`); for test servers only.
    public var noVerifySSL: Bool
    /// `--with-proxy`, kept for compatibility: proxy variables (`HTTPS_PROXY`, `HTTP_PROXY`, `NO_PROXY`)
    /// are honoured either way, as in the official helper since 1.5.0, whose SDK transport always reads them.
    public var withProxy: Bool
    /// Enables diagnostics on the logger; never logs keys, and logs credentials only in debug mode.
    public var debug: Bool
    /// Password for an `ENCRYPTED PRIVATE KEY`; empty means none, as in the official helper.
    public var pkcs8Password: String?
    /// Password of a PKCS#12 file given as the certificate; nil or empty means the empty password, the
    /// only one the official helper tries.
    public var pkcs12Password: String?
    /// A PEM file of CA certificates to trust instead of the system bundle (`AWS_CA_BUNDLE`).
    public var caBundlePath: String?
    /// Options for hardware-backed and OS-store identities, carried so that the signer factory can
    /// say precisely which combination it cannot serve yet.
    public var hardware: HardwareKeyOptions

    public init(certificate: CertificateSource?, privateKey: PrivateKeySource? = nil,
                intermediatesPath: String? = nil, trustAnchorArn: String, profileArn: String, roleArn: String,
                region: String? = nil, endpoint: String? = nil, sessionDuration: Int = 3600,
                roleSessionName: String? = nil, noVerifySSL: Bool = false, withProxy: Bool = false,
                debug: Bool = false, pkcs8Password: String? = nil, pkcs12Password: String? = nil,
                caBundlePath: String? = nil,
                hardware: HardwareKeyOptions = HardwareKeyOptions()) {
        self.certificate = certificate
        self.privateKey = privateKey
        self.intermediatesPath = intermediatesPath
        self.trustAnchorArn = trustAnchorArn
        self.profileArn = profileArn
        self.roleArn = roleArn
        self.region = region
        self.endpoint = endpoint
        self.sessionDuration = sessionDuration
        self.roleSessionName = roleSessionName
        self.noVerifySSL = noVerifySSL
        self.withProxy = withProxy
        self.debug = debug
        self.pkcs8Password = pkcs8Password
        self.pkcs12Password = pkcs12Password
        self.caBundlePath = caBundlePath
        self.hardware = hardware
    }
}
