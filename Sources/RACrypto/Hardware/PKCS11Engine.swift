import Foundation
internal import COpenSSL

/// The process's one instance of OpenSSL's `pkcs11` engine (libengine-pkcs11-openssl).
///
/// The engine keeps global state: the module it loaded, the PIN, the callback data for PIN
/// requests, and its sessions with the token. Every use therefore goes through `withEngine`, which
/// serialises callers, so a PIN set for one operation is never consumed by another.
/// `@unchecked Sendable`: all mutable state is only touched while `lock` is held.
final class PKCS11Engine: @unchecked Sendable {
    static let shared = PKCS11Engine()

    private let lock = NSLock()
    private var engine: OpaquePointer?
    private var modulePath: String?

    private init() {}

    /// Runs `body` with the engine initialised for `modulePath`. The engine can load only one
    /// PKCS#11 module per process: asking for a second one is an error rather than a silent switch.
    func withEngine<R>(modulePath: String, _ body: (OpaquePointer) throws(HardwareKeyError) -> R) throws(HardwareKeyError) -> R {
        lock.lock()
        defer { lock.unlock() }
        let engine = try initialised(modulePath: modulePath)
        _ = HardwareErrorQueue.drain()
        return try body(engine)
    }

    private func initialised(modulePath: String) throws(HardwareKeyError) -> OpaquePointer {
        // Check the module ourselves first: the engine would print dlopen's complaint to stderr.
        guard let handle = dlopen(modulePath, RTLD_NOW | RTLD_LOCAL) else {
            throw HardwareKeyError.moduleUnavailable(modulePath)
        }
        dlclose(handle)
        if let engine {
            guard self.modulePath == modulePath else {
                throw HardwareKeyError.unsupported("only one PKCS#11 module can be used per process "
                    + "(already using \(self.modulePath ?? "?"), asked for \(modulePath))")
            }
            return engine
        }
        guard let engine = ENGINE_by_id("pkcs11") else {
            _ = HardwareErrorQueue.drain()
            throw HardwareKeyError.unsupported("the OpenSSL pkcs11 engine is not installed (package libengine-pkcs11-openssl)")
        }
        guard ENGINE_ctrl_cmd_string(engine, "MODULE_PATH", modulePath, 0) == 1,
              ENGINE_ctrl_cmd_string(engine, "QUIET", nil, 0) == 1,
              ENGINE_init(engine) == 1 else {
            let reason = HardwareErrorQueue.summary(HardwareErrorQueue.drain())
            ENGINE_free(engine)
            throw HardwareKeyError.unsupported("cannot initialise the OpenSSL pkcs11 engine (\(reason))")
        }
        // Context-specific PINs are asked for through this UI method during signing.
        _ = ENGINE_ctrl_cmd(engine, "SET_USER_INTERFACE", 0, UnsafeMutableRawPointer(SecretRequest.method), nil, 0)
        self.engine = engine
        self.modulePath = modulePath
        return engine
    }

    /// Points the engine's PIN callbacks at `request` while `body` runs.
    func withCallbacks<R>(_ engine: OpaquePointer, _ request: SecretRequest,
                          _ body: (UnsafeMutableRawPointer) throws(HardwareKeyError) -> R) throws(HardwareKeyError) -> R {
        try request.withCallbackData { (data: UnsafeMutableRawPointer) throws(HardwareKeyError) -> R in
            _ = ENGINE_ctrl_cmd(engine, "SET_CALLBACK_DATA", 0, data, nil, 0)
            defer { _ = ENGINE_ctrl_cmd(engine, "SET_CALLBACK_DATA", 0, nil, nil, 0) }
            return try body(data)
        }
    }

    /// Sets the user PIN for the next login. The engine keeps it for re-logins after a token
    /// reset, which is why every operation sets its own.
    static func setPIN(_ pin: String, on engine: OpaquePointer) {
        guard !pin.isEmpty else { return }
        _ = ENGINE_ctrl_cmd_string(engine, "PIN", pin, 0)
    }

    /// Turns the engine's error queue after a failed load into a typed error.
    static func loadFailure(_ what: String) -> HardwareKeyError {
        let entries = HardwareErrorQueue.drain()
        for entry in entries where entry.library == "PKCS#11 module" {
            let code = PKCS11ReturnCode(UInt(entry.reasonCode))
            switch code.value {
            case 0xA0...0xA4, 0x101, 0x102: return .loginFailed(code)
            default: continue
            }
        }
        if entries.contains(where: { $0.reason == "Unable to load PKCS#11 module" }) {
            return .unsupported("the PKCS#11 module failed to initialise")
        }
        if entries.contains(where: { $0.reason == "object not found" }) || entries.isEmpty {
            return .objectNotFound(what)
        }
        return .objectNotFound("\(what) (\(HardwareErrorQueue.summary(entries)))")
    }
}
