import Foundation

/// The secret the ECS-style endpoint demands in `Authorization`: generated at start-up, or read
/// from (and, when absent, written to) a file so that several processes and restarts share it
/// without it ever appearing on a command line, where any local user could read it.
public enum ContainerAuthorizationToken {
    /// 32 random bytes as 64 lower-case hex digits: safe in environment variables and shell lines.
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in
            let byte = UInt8.random(in: .min ... .max, using: &generator)
            return (byte < 16 ? "0" : "") + String(byte, radix: 16)
        }.joined()
    }

    /// The token in `path` (surrounding whitespace ignored, though SDKs reading the file through
    /// `AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE` may not be as lenient). When the file does not
    /// exist, a new token is generated and written there, without a line end, with mode 0600.
    /// - Returns: the token and whether it was created now.
    public static func load(orCreateAt path: String) throws(HelperError) -> (token: String, created: Bool) {
        if FileManager.default.fileExists(atPath: path) {
            let bytes: [UInt8]
            do {
                bytes = try FileBytes.contents(of: path)
            } catch {
                throw HelperError(.configuration, "unable to read the container authorization token: \(error.message)")
            }
            let token = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            guard !token.isEmpty else {
                throw HelperError(.configuration, "the container authorization token file \(path) is empty")
            }
            guard !token.contains(where: { $0 == "\r" || $0 == "\n" }) else {
                throw HelperError(.configuration, "the container authorization token in \(path) spans several lines")
            }
            return (token, false)
        }
        let token = generate()
        do {
            // No line end: botocore sends the file's bytes as they are and refuses a CR or LF.
            try AtomicFile.write(Array(token.utf8), to: path, mode: 0o600)
        } catch {
            throw HelperError(.configuration, "unable to write the container authorization token: \(error.message)")
        }
        return (token, true)
    }
}
