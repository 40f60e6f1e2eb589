import Foundation

/// Whether `openssl s_client` completes a handshake with a local server using one protocol
/// version. Security level 0 so that the client itself does not refuse the old versions.
func opensslHandshakeSucceeds(port: UInt16, versionFlag: String) throws -> Bool {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
    process.arguments = ["s_client", "-connect", "127.0.0.1:\(port)", versionFlag, "-cipher", "DEFAULT:@SECLEVEL=0"]
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus == 0
}
