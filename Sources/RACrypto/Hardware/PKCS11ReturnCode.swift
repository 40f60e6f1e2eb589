/// A PKCS#11 `CK_RV`, rendered the way the official helper's PKCS#11 binding renders it
/// (`pkcs11: 0xA0: CKR_PIN_INCORRECT`), so that operators grepping logs for the official text
/// find ours too.
public struct PKCS11ReturnCode: Equatable, Sendable, CustomStringConvertible {
    public let value: UInt

    public init(_ value: UInt) { self.value = value }

    public static let pinIncorrect = PKCS11ReturnCode(0xA0)
    public static let pinLocked = PKCS11ReturnCode(0xA4)

    /// True for the codes that mean "this PIN is wrong", after which asking again makes sense.
    public var isIncorrectPIN: Bool { value == 0xA0 }

    /// The symbolic names of the codes a login or signature can plausibly return.
    var name: String? {
        switch value {
        case 0x05: "CKR_GENERAL_ERROR"
        case 0x06: "CKR_FUNCTION_FAILED"
        case 0x30: "CKR_DEVICE_ERROR"
        case 0x31: "CKR_DEVICE_MEMORY"
        case 0x32: "CKR_DEVICE_REMOVED"
        case 0x90: "CKR_OPERATION_ACTIVE"
        case 0xA0: "CKR_PIN_INCORRECT"
        case 0xA1: "CKR_PIN_INVALID"
        case 0xA2: "CKR_PIN_LEN_RANGE"
        case 0xA3: "CKR_PIN_EXPIRED"
        case 0xA4: "CKR_PIN_LOCKED"
        case 0xB3: "CKR_SESSION_HANDLE_INVALID"
        case 0xE0: "CKR_TOKEN_NOT_PRESENT"
        case 0x100: "CKR_USER_ALREADY_LOGGED_IN"
        case 0x101: "CKR_USER_NOT_LOGGED_IN"
        case 0x102: "CKR_USER_PIN_NOT_INITIALIZED"
        case 0x103: "CKR_USER_TYPE_INVALID"
        default: nil
        }
    }

    public var description: String {
        let hex = String(value, radix: 16, uppercase: true)
        if let name { return "pkcs11: 0x\(hex): \(name)" }
        return "pkcs11: 0x\(hex)"
    }
}
