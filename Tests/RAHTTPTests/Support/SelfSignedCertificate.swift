import Foundation

/// A self-signed EC P-256 server certificate for 127.0.0.1, ::1 and localhost, made once per test
/// run with the `openssl` CLI in a temporary directory.
struct SelfSignedCertificate: Sendable {
    let certificatePEM: String
    let privateKeyPEM: String
    /// The certificate alone, as a CA bundle file a client can trust.
    let certificatePath: String

    static let shared: Result<SelfSignedCertificate, OpenSSLFailure> = Result { () throws(OpenSSLFailure) in try make() }

    struct OpenSSLFailure: Error, CustomStringConvertible {
        let description: String
    }

    private static func make() throws(OpenSSLFailure) -> SelfSignedCertificate {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("rahttp-tests-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw OpenSSLFailure(description: "cannot create \(directory.path): \(error)")
        }
        let keyPath = directory.appendingPathComponent("server.key").path
        let certificatePath = directory.appendingPathComponent("server.pem").path
        try run(["ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", keyPath])
        try run(["req", "-new", "-x509", "-key", keyPath, "-out", certificatePath, "-days", "2",
                 "-subj", "/O=RAHTTP Tests/CN=localhost",
                 "-addext", "subjectAltName=IP:127.0.0.1,IP:::1,DNS:localhost"])
        do {
            return SelfSignedCertificate(certificatePEM: try String(contentsOfFile: certificatePath, encoding: .utf8),
                                         privateKeyPEM: try String(contentsOfFile: keyPath, encoding: .utf8),
                                         certificatePath: certificatePath)
        } catch {
            throw OpenSSLFailure(description: "cannot read the generated files: \(error)")
        }
    }

    private static func run(_ arguments: [String]) throws(OpenSSLFailure) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw OpenSSLFailure(description: "cannot run openssl: \(error)")
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw OpenSSLFailure(description: "openssl \(arguments.first ?? "") exited with \(process.terminationStatus)")
        }
    }
}
