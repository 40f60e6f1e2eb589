import Testing
import RACrypto

/// RFC 7512 URIs: what the helper takes from them and what it hands to the engine.
struct PKCS11URITests {
    @Test(arguments: [
        ("pkcs11:token=t;object=k?pin-value=1234", "1234", nil, "pkcs11:token=t;object=k"),
        ("pkcs11:token=t;object=k?pin-source=file:/run/pin&module-name=softhsm2", nil, "file:/run/pin",
         "pkcs11:token=t;object=k?module-name=softhsm2"),
        ("pkcs11:object=My%20Key;type=private", nil, nil, "pkcs11:object=My%20Key;type=private"),
        ("pkcs11:", nil, nil, "pkcs11:"),
    ] as [(String, String?, String?, String)])
    func pinAttributesAreTakenOutOfTheEngineURI(text: String, pinValue: String?, pinSource: String?, engineURI: String) throws {
        let uri = try PKCS11URI(text)
        #expect(uri.pinValue == pinValue)
        #expect(uri.pinSource == pinSource)
        #expect(uri.engineURI == engineURI)
        #expect(!uri.description.contains("1234"))
    }

    @Test func valuesArePercentDecodedToBytes() throws {
        let uri = try PKCS11URI("pkcs11:id=%01%FF;object=Certificate%20for%20Digital%20Signature;token=PIV_II")
        #expect(uri.pathAttributes.first { $0.name == "id" }?.value == [0x01, 0xFF])
        #expect(uri.path("object") == "Certificate for Digital Signature")
        #expect(uri.path("token") == "PIV_II")
    }

    @Test func theObjectTypeCanBeForced() throws {
        let uri = try PKCS11URI("pkcs11:token=t;object=k;type=cert?pin-value=1")
        #expect(uri.withType("private").engineURI == "pkcs11:token=t;object=k;type=private")
        #expect(uri.withType("private").pinValue == "1")
    }

    @Test(arguments: [
        ("file:/tmp/key.pem", "not a PKCS#11 URI"),
        ("pkcs11:token", "invalid PKCS#11 URI attribute 'token'"),
        ("pkcs11:id=%0", "invalid percent-encoding in PKCS#11 URI attribute 'id'"),
        ("pkcs11:object=a%zz", "invalid percent-encoding in PKCS#11 URI attribute 'object'"),
    ])
    func malformedURIsAreRefused(text: String, message: String) {
        let error = #expect(throws: HardwareKeyError.self) { try PKCS11URI(text) }
        #expect(error == .malformed(message))
    }

    @Test func returnCodesReadLikeTheOfficialHelpersBinding() {
        #expect(PKCS11ReturnCode(0xA0).description == "pkcs11: 0xA0: CKR_PIN_INCORRECT")
        #expect(PKCS11ReturnCode(0xA4).description == "pkcs11: 0xA4: CKR_PIN_LOCKED")
        #expect(PKCS11ReturnCode(0x12345).description == "pkcs11: 0x12345")
        #expect(PKCS11ReturnCode.pinIncorrect.isIncorrectPIN)
        #expect(!PKCS11ReturnCode.pinLocked.isIncorrectPIN)
    }
}
