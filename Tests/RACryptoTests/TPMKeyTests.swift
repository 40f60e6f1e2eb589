import Foundation
import Testing
import RACrypto

/// TPM 2.0 keys (key files and persistent handles) on swtpm, through the tpm2 provider in its own
/// library context. Serialised: the simulator serves one client at a time and the transient-object
/// check must not see another test's key.
@Suite(.serialized, .enabled(if: TPMTestSimulator.available, "swtpm, tpm2-tools and tpm2-openssl are needed"))
struct TPMKeyTests {
    let message = Array("AWS4-X509-RSA-SHA256\n20240101T000000Z\nscope\nhash".utf8)

    @Test(arguments: [
        ("ec.pem", nil, PublicKeyKind.ec(curve: "P-256")),
        ("rsa.pem", nil, .rsa(bits: 2048)),
        ("auth.pem", "s3cret", .ec(curve: "P-256")),
    ] as [(String, String?, PublicKeyKind)])
    func keyFilesSignWhatTheirPublicKeysVerify(file: String, password: String?, kind: PublicKeyKind) throws {
        let tpm = try TPMTestSimulator.get()
        let key = try TPMKey(.keyFile(path: tpm.path(file)), password: password)
        #expect(key.kind == kind)
        #expect(key.publicKey.derSPKI == (try tpm.publicKeyDER(of: tpm.path(file), password: password)))
        for _ in 0..<4 {
            let signature = try key.signature(for: message)
            #expect(key.publicKey.isValidSignature(signature, for: message))
            if case .ec = kind { #expect(ECDSASignature.isDER(signature)) } else { #expect(signature.count == 256) }
        }
        #expect(try tpm.transientHandles().trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
    }

    @Test(arguments: [
        (UInt32(0x8100_0001), nil, PublicKeyKind.ec(curve: "P-256")),
        (0x8100_0002, "h4ndle", .rsa(bits: 2048)),
    ] as [(UInt32, String?, PublicKeyKind)])
    func persistentHandlesSign(handle: UInt32, password: String?, kind: PublicKeyKind) throws {
        let tpm = try TPMTestSimulator.get()
        let key = try TPMKey(.persistentHandle(handle), password: password)
        #expect(key.kind == kind)
        let signature = try key.signature(for: message)
        #expect(key.publicKey.isValidSignature(signature, for: message))
        #expect(try tpm.transientHandles().trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
    }

    @Test(arguments: [
        (TPMKeyReference.keyFile(path: "auth.pem"), "wrong"),
        (.keyFile(path: "auth.pem"), ""),
        (.persistentHandle(0x8100_0002), "wrong"),
        (.persistentHandle(0x8100_0002), nil),
    ] as [(TPMKeyReference, String?)])
    func aWrongPasswordIsReportedAsSuch(reference: TPMKeyReference, password: String?) throws {
        let tpm = try TPMTestSimulator.get()
        var resolved = reference
        if case .keyFile(let name) = reference { resolved = .keyFile(path: tpm.path(name)) }
        let key = try TPMKey(resolved, password: password)
        let error = #expect(throws: HardwareKeyError.self) { try key.signature(for: message) }
        #expect(error == .wrongPassword)
        #expect(error?.description == "incorrect TPM key password")
        #expect(try tpm.transientHandles().trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
    }

    @Test func anEmptyPersistentHandleIsATPMError() throws {
        _ = try TPMTestSimulator.get()
        let error = #expect(throws: HardwareKeyError.self) { try TPMKey(.persistentHandle(0x8100_00AA), password: nil) }
        guard case .tpm(let message) = error else { Issue.record("expected a TPM error, got \(String(describing: error))"); return }
        #expect(message.hasPrefix("unable to load the TPM key"))
    }

    @Test func aMissingKeyFileIsReported() throws {
        _ = try TPMTestSimulator.get()
        let error = #expect(throws: HardwareKeyError.self) { try TPMKey(.keyFile(path: "/nonexistent/key.pem"), password: nil) }
        #expect(error == .tpm("unable to read the TPM key (No such file or directory)"))
    }

    @Test func ordinaryVerificationNeverReachesTheTPM() throws {
        let tpm = try TPMTestSimulator.get()
        let tpmKey = try TPMKey(.keyFile(path: tpm.path("ec.pem")), password: nil)
        // Many ordinary EC operations while TPM keys come and go: none may be routed to the TPM.
        for _ in 0..<10 {
            let ordinary = try PrivateKey.generate(.ecP256)
            let signature = try ordinary.signature(for: message)
            #expect(ordinary.publicKey.isValidSignature(signature, for: message))
            #expect(tpmKey.publicKey.isValidSignature(try tpmKey.signature(for: message), for: message))
        }
    }
}
