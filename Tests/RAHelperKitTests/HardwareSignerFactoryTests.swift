import Testing
@testable import RAHelperKit

/// Which hardware combinations the factory refuses before touching a token or a TPM.
struct HardwareSignerFactoryTests {
    static func configuration(certificate: CertificateSource?, key: PrivateKeySource?) -> CredentialsConfiguration {
        CredentialsConfiguration(certificate: certificate, privateKey: key, trustAnchorArn: "arn:aws:rolesanywhere:eu-west-1:1:trust-anchor/t",
                                 profileArn: "arn:aws:rolesanywhere:eu-west-1:1:profile/p", roleArn: "arn:aws:iam::1:role/r")
    }

    @Test(arguments: [
        (CertificateSource.pkcs11(uri: "pkcs11:object=c"), PrivateKeySource.file(path: "/k.pem"), "undefined certificate value"),
        (.pkcs11(uri: "pkcs11:object=c"), .tpmHandle("handle:0x81000001"), "undefined certificate value"),
        (nil, .pkcs11(uri: "pkcs11:object=k?pin-value=1"), "undefined certificate value"),
        (nil, .tpmHandle("handle:0x81000001"), "undefined certificate value"),
        (.file(path: "/c.pem"), .tpmHandle("handle:"), "invalid hex TPM handle value"),
        (.file(path: "/c.pem"), .tpmHandle("handle:1:2"), "invalid TPM handle format"),
        (.pkcs11(uri: "pkcs11:object"), nil, "invalid PKCS#11 URI attribute 'object'"),
    ] as [(CertificateSource?, PrivateKeySource?, String)])
    func refusedCombinations(certificate: CertificateSource?, key: PrivateKeySource?, message: String) {
        let error = #expect(throws: HelperError.self) {
            try SignerFactory.makeSigner(for: Self.configuration(certificate: certificate, key: key))
        }
        #expect(error?.message == message)
    }
}
