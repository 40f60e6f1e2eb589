import Foundation
import Synchronization
import Testing
@testable import RAHelperKit
import RACrypto

/// Where the PKCS#11 user PIN comes from, in order, without a token.
struct PKCS11UserPINTests {
    static let noPrompt: SecretPrompt = { _ in nil }

    @Test func theURIsPINValueComesFirstAndTheKeyURIWins() throws {
        let key = try PKCS11URI("pkcs11:object=k?pin-value=1111")
        let certificate = try PKCS11URI("pkcs11:object=c?pin-value=2222")
        let pin = try PKCS11UserPIN.resolve(uris: [key, certificate], unattended: "3333", prompt: Self.noPrompt)
        #expect(pin.value == "1111")
        #expect(!pin.wasPrompted)
        #expect(try PKCS11UserPIN.resolve(uris: [PKCS11URI("pkcs11:object=k"), certificate], unattended: nil,
                                          prompt: Self.noPrompt).value == "2222")
    }

    @Test(arguments: [("file:", "4321\n"), ("file://", "4321\r\nsecond line\n"), ("", "4321")])
    func pinSourceFilesAreRead(prefix: String, contents: String) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pin-\(UUID().uuidString)").path
        try contents.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let uri = try PKCS11URI("pkcs11:object=k?pin-source=\(prefix)\(path)")
        let pin = try PKCS11UserPIN.resolve(uris: [uri], unattended: "9999", prompt: Self.noPrompt)
        #expect(pin.value == "4321")
    }

    @Test func anUnreadablePinSourceIsReported() throws {
        let uri = try PKCS11URI("pkcs11:object=k?pin-source=file:/nonexistent/pin")
        let error = #expect(throws: HelperError.self) { try PKCS11UserPIN.resolve(uris: [uri], unattended: nil, prompt: Self.noPrompt) }
        #expect(error?.message == "unable to read PKCS#11 user PIN from pin-source: open /nonexistent/pin: no such file or directory")
    }

    @Test func theUnattendedPINComesBeforeThePrompt() throws {
        let uri = try PKCS11URI("pkcs11:object=k")
        let pin = try PKCS11UserPIN.resolve(uris: [uri], unattended: "5555", prompt: { _ in "typed" })
        #expect(pin.value == "5555")
        #expect(!pin.wasPrompted)
    }

    @Test func thePromptIsTheOfficialOneAndNoAnswerIsAnError() throws {
        let uri = try PKCS11URI("pkcs11:object=k")
        let asked = PromptLog()
        let pin = try PKCS11UserPIN.resolve(uris: [uri], unattended: "", prompt: { asked.record($0); return "7777" })
        #expect(pin.value == "7777")
        #expect(pin.wasPrompted)
        #expect(asked.prompts == ["Please enter your user PIN:"])
        let error = #expect(throws: HelperError.self) { try PKCS11UserPIN.resolve(uris: [uri], unattended: nil, prompt: Self.noPrompt) }
        #expect(error?.message == "unable to read PKCS#11 user PIN")
    }
}

/// Records prompts from a `@Sendable` closure.
final class PromptLog: Sendable {
    private let storage = Mutex<[String]>([])
    func record(_ prompt: String) { storage.withLock { $0.append(prompt) } }
    var prompts: [String] { storage.withLock { $0 } }
}
