import Foundation
import RAHTTPServer
import Testing

@Test func probeTLSVersions() throws {
    let certificate = try SelfSignedCertificate.shared.get()
    for priorities in [HTTPServer.TLS.modernPriorities, "NORMAL", "NORMAL:+VERS-TLS1.1:+VERS-TLS1.0"] {
        let server = try TestServer(tls: .init(certificatePEM: certificate.certificatePEM, privateKeyPEM: certificate.privateKeyPEM, priorities: priorities))
        for flag in ["-tls1", "-tls1_1", "-tls1_2", "-tls1_3"] {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
            p.arguments = ["s_client", "-connect", "127.0.0.1:\(server.port)", flag, "-cipher", "DEFAULT:@SECLEVEL=0"]
            p.standardInput = FileHandle.nullDevice
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run(); p.waitUntilExit()
            print("DEBUG", priorities, flag, p.terminationStatus)
        }
    }
}
