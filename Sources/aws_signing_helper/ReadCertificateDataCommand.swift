import RACommandLine
import RAHelperKit

/// `read-certificate-data`: prints the official JSON for a certificate file (no trailing newline).
/// Certificates on tokens and in OS stores are listed by the hardware signers once they can.
enum ReadCertificateDataCommand {
    static let command = Command(
        name: "read-certificate-data",
        summary: "Diagnostic command to read certificate data",
        details: "Diagnostic command to read certificate data, either from files or \n    from a certificate store",
        flags: [
            .string("certificate", usage: "Path to certificate file"),
            .string("cert-selector", usage: "JSON structure to identify a certificate from a certificate store. "
                + "Can be passed in either as string or a file name (prefixed by \"file://\")"),
            .string("system-store-name", default: "MY", usage: "Name of the system store to search for within the "
                + "CERT_SYSTEM_STORE_CURRENT_USER context. Note that this flag is only relevant for Windows certificate "
                + "stores and will be ignored otherwise"),
            .string("pkcs11-lib", usage: "Library for smart card / cryptographic device (OpenSC or vendor specific)"),
            .bool("debug", usage: "To print debug output"),
        ],
        mutuallyExclusive: [["certificate", "cert-selector"], ["certificate", "system-store-name"]])

    static func run(_ flags: FlagValues, environment: [String: String]) throws(CLIError) -> HelperMain.Outcome {
        let configuration = CredentialFlags.configuration(from: flags, environment: environment)
        guard let certificate = configuration.certificate else {
            // No file and no token: the OS certificate store, which Linux does not have.
            throw CLIError(message: "unable to use cert store signer on linux")
        }
        do {
            return HelperMain.Outcome(standardOutput: try CertificateData.read(from: certificate).encoded(), exitCode: 0)
        } catch {
            throw CLIError(message: error.message)
        }
    }
}
