import Foundation
internal import COpenSSL

/// Answers OpenSSL's password callbacks (the `UI_METHOD` used by the PKCS#11 engine for
/// context-specific PINs and by the TPM provider for key authorization values) from Swift.
///
/// One shared `UI_METHOD` is created for the process; each operation passes its own
/// `SecretRequest` as the callback data, so the answer always comes from the caller that started
/// the operation. Nothing ever reaches OpenSSL's default terminal UI.
final class SecretRequest {
    private let answer: () -> String?
    /// Whether OpenSSL asked at all, which tells "the secret was wrong" from "no secret was needed".
    private(set) var wasAsked = false

    init(_ answer: @escaping () -> String?) { self.answer = answer }

    fileprivate func respond() -> String? {
        wasAsked = true
        return answer()
    }

    /// Runs `body` with a pointer OpenSSL hands back to `method`'s reader.
    func withCallbackData<R, E: Error>(_ body: (UnsafeMutableRawPointer) throws(E) -> R) throws(E) -> R {
        let unmanaged = Unmanaged.passRetained(self)
        defer { unmanaged.release() }
        return try body(unmanaged.toOpaque())
    }

    /// The process-wide `UI_METHOD` whose reader consults the `SecretRequest` in the callback data.
    static var method: OpaquePointer? { SharedUIMethod.shared.pointer }
}

/// Holds the one `UI_METHOD`. `@unchecked Sendable`: the method is created once and never changed.
private final class SharedUIMethod: @unchecked Sendable {
    static let shared = SharedUIMethod()
    let pointer: OpaquePointer?

    private init() {
        let method = UI_create_method("rolesanywhere secrets")
        if let method { UI_method_set_reader(method, secretReader) }
        pointer = method
    }
}

private let secretReader: @convention(c) (OpaquePointer?, OpaquePointer?) -> Int32 = { ui, uiString in
    guard let ui, let uiString else { return 0 }
    let type = UI_get_string_type(uiString)
    guard type == UIT_PROMPT || type == UIT_VERIFY else { return 1 }
    guard let data = UI_get0_user_data(ui) else { return 0 }
    let request = Unmanaged<SecretRequest>.fromOpaque(data).takeUnretainedValue()
    guard let secret = request.respond() else { return 0 }
    return secret.withCString { UI_set_result(ui, uiString, $0) } == 0 ? 1 : 0
}
