/// What `diagnose` does beyond the credential flags.
public struct DiagnoseOptions: Sendable, Equatable {
    /// A PEM or DER file with the trust anchor's CA certificate(s), to check the chain against.
    public var caBundlePath: String?
    /// Send the request and explain the answer; without it nothing leaves the machine.
    public var call: Bool

    public init(caBundlePath: String? = nil, call: Bool = false) {
        self.caBundlePath = caBundlePath
        self.call = call
    }
}
