import Foundation
import Synchronization
import Testing
import RACrypto

/// Keys and certificates on SoftHSM2 tokens, used in process through OpenSSL's pkcs11 engine.
@Suite(.enabled(if: PKCS11TestTokens.available, "softhsm2, opensc and libengine-pkcs11-openssl are needed"))
struct PKCS11KeyTests {
    let token = PKCS11Token(modulePath: PKCS11TestTokens.module)
    let message = Array("AWS4-X509-ECDSA-SHA256\n20240101T000000Z\nscope\nhash".utf8)

    @Test(arguments: [("ec", PublicKeyKind.ec(curve: "P-256")), ("rsa", PublicKeyKind.rsa(bits: 2048))])
    func tokenKeysSignWhatTheirCertificatesVerify(label: String, kind: PublicKeyKind) throws {
        let fixtures = try PKCS11TestTokens.get()
        let certificate = try fixtures.certificate("ra-main/\(label)")
        let key = try token.privateKey(PKCS11URI("pkcs11:token=ra-main;object=\(label);type=private"), pin: "1234")
        #expect(key.kind == kind)
        #expect(key.matches(certificate))
        for _ in 0..<3 {
            let signature = try key.signature(for: message)
            #expect(certificate.publicKey.isValidSignature(signature, for: message))
            if case .ec = kind { #expect(ECDSASignature.isDER(signature)) } else { #expect(signature.count == 256) }
        }
    }

    @Test func theCertificateIsReadFromTheTokenByLabelOrID() throws {
        let fixtures = try PKCS11TestTokens.get()
        let byLabel = try token.certificate(PKCS11URI("pkcs11:token=ra-main;object=rsa;type=cert"), pin: "1234")
        #expect(byLabel == (try fixtures.certificate("ra-main/rsa")))
        let byID = try token.certificate(PKCS11URI("pkcs11:token=ra-main;id=%01"), pin: "1234")
        #expect(byID == (try fixtures.certificate("ra-main/ec")))
    }

    @Test func aKeyOfAnotherCertificateDoesNotMatch() throws {
        let fixtures = try PKCS11TestTokens.get()
        let key = try token.privateKey(PKCS11URI("pkcs11:token=ra-main;object=ec"), pin: "1234")
        #expect(!key.matches(try fixtures.certificate("ra-main/always")))
    }

    @Test func aWrongUserPINIsRejectedWithTheTokensCode() throws {
        _ = try PKCS11TestTokens.get()
        let error = #expect(throws: HardwareKeyError.self) {
            try token.privateKey(PKCS11URI("pkcs11:token=ra-wrong-pin;object=ec"), pin: "0000")
        }
        #expect(error == .loginFailed(.pinIncorrect))
        #expect(error?.description == "user authentication failed (pkcs11: 0xA0: CKR_PIN_INCORRECT)")
    }

    @Test(arguments: ["pkcs11:token=ra-main;object=nothing-here", "pkcs11:token=no-such-token;object=ec"])
    func aMissingObjectIsNotFound(uri: String) throws {
        _ = try PKCS11TestTokens.get()
        let error = #expect(throws: HardwareKeyError.self) { try token.privateKey(PKCS11URI(uri), pin: "1234") }
        #expect(error == .objectNotFound("matching private key"))
        let certificateError = #expect(throws: HardwareKeyError.self) { try token.certificate(PKCS11URI(uri), pin: "1234") }
        #expect(certificateError == .objectNotFound("certificate"))
    }

    @Test func aModuleThatCannotBeLoadedIsNamed() throws {
        let error = #expect(throws: HardwareKeyError.self) {
            try PKCS11Token(modulePath: "/nonexistent/libnothing.so")
                .privateKey(PKCS11URI("pkcs11:token=ra-main;object=ec"), pin: "1234")
        }
        #expect(error?.description == "Failed to load provider library /nonexistent/libnothing.so")
    }

    @Test func anAlwaysAuthenticateKeyAsksForItsContextPINOnceAndSigns() throws {
        let fixtures = try PKCS11TestTokens.get()
        let certificate = try fixtures.certificate("ra-main/always")
        let asked = Mutex(0)
        let key = try token.privateKey(PKCS11URI("pkcs11:token=ra-main;object=always"), pin: "1234",
                                       contextPIN: { asked.withLock { $0 += 1 }; return "1234" })
        for _ in 0..<2 {
            let signature = try key.signature(for: message)
            #expect(certificate.publicKey.isValidSignature(signature, for: message))
        }
        #expect(asked.withLock { $0 } == 1)
    }

    @Test func aWrongContextPINFailsTheSignature() throws {
        _ = try PKCS11TestTokens.get()
        let key = try token.privateKey(PKCS11URI("pkcs11:token=ra-wrong-context;object=always"), pin: "1234",
                                       contextPIN: { "9999" })
        let error = #expect(throws: HardwareKeyError.self) { try key.signature(for: message) }
        #expect(error == .contextLoginFailed)
    }

    @Test func aContextPINNobodyGivesFailsTheSignature() throws {
        _ = try PKCS11TestTokens.get()
        let key = try token.privateKey(PKCS11URI("pkcs11:token=ra-no-context;object=always"), pin: "1234",
                                       contextPIN: { nil })
        #expect(throws: HardwareKeyError.self) { try key.signature(for: message) }
    }
}
