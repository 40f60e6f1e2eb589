import Foundation
import RACrypto
import Synchronization

/// Private keys for tests.
///
/// EC keys are cheap and made fresh each time; RSA keys take up to seconds (4096 bits), so one key
/// per size is made once per process and shared. Keys RACrypto deliberately cannot generate (weak
/// RSA, unsupported curves, Ed25519) come from the `openssl` CLI through a pipe, never a file.
public enum TestKeys {
    private static let cache = Mutex<[PrivateKey.KeyType: PrivateKey]>([:])

    /// A key nobody else holds. Use it wherever two parties must not share a key (a forged CA).
    public static func fresh(_ type: PrivateKey.KeyType = .ecP256) throws -> PrivateKey {
        try PrivateKey.generate(type)
    }

    /// One key per type for the whole test process: fine for leaves whose key only has to sign.
    public static func shared(_ type: PrivateKey.KeyType) throws -> PrivateKey {
        if let known = cache.withLock({ $0[type] }) { return known }
        let made = try PrivateKey.generate(type)
        return cache.withLock { keys in
            if let raced = keys[type] { return raced }
            keys[type] = made
            return made
        }
    }

    /// RSA-1024, below the server's minimum.
    public static func rsa1024() throws -> PrivateKey {
        try openSSL(["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:1024"])
    }

    /// EC on secp256k1, a curve the server does not accept.
    public static func secp256k1() throws -> PrivateKey {
        try openSSL(["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:secp256k1"])
    }

    /// Ed25519, a key type SigV4-X509 does not define.
    public static func ed25519() throws -> PrivateKey {
        try openSSL(["genpkey", "-algorithm", "ED25519"])
    }

    /// Runs `openssl <arguments>`, reads the PEM key it prints on stdout.
    static func openSSL(_ arguments: [String]) throws -> PrivateKey {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let pem = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TestSupportError("openssl \(arguments.joined(separator: " ")) exited with \(process.terminationStatus)")
        }
        return try PrivateKey(pemOrDER: Array(pem))
    }
}

/// A failure inside the test support itself (not a failed expectation).
public struct TestSupportError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
