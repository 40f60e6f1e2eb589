import Foundation

/// Asks the operator for a secret and returns it, or nil when nobody can be asked. Signers take one
/// so that programs (and tests) can answer PIN and password requests without a terminal.
public typealias SecretPrompt = @Sendable (_ prompt: String) -> String?

/// Reads PINs and passwords from the controlling terminal (`/dev/tty`) with echo off, as the
/// official helper does, so `credential_process` (whose standard streams belong to the SDK) can
/// still ask. Without a terminal (cron, systemd) it answers nil and the caller reports that it
/// could not read the secret.
public enum TerminalSecretPrompt {
    public static let read: SecretPrompt = { prompt in
        let descriptor = open("/dev/tty", O_RDWR | O_NOCTTY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        write(descriptor, prompt + "\n")
        var original = termios()
        let canHideEcho = tcgetattr(descriptor, &original) == 0
        if canHideEcho {
            var silent = original
            silent.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(descriptor, TCSANOW, &silent)
        }
        defer {
            if canHideEcho {
                tcsetattr(descriptor, TCSANOW, &original)
                write(descriptor, "\n")
            }
        }
        var line: [UInt8] = []
        var byte: UInt8 = 0
        while Foundation.read(descriptor, &byte, 1) == 1 {
            if byte == UInt8(ascii: "\n") { return String(decoding: line, as: UTF8.self) }
            if byte != UInt8(ascii: "\r") { line.append(byte) }
        }
        return line.isEmpty ? nil : String(decoding: line, as: UTF8.self)
    }

    private static func write(_ descriptor: Int32, _ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
    }
}
