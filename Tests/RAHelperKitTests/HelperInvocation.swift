import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs the built `aws_signing_helper` with bytes on standard input and keeps standard output as bytes,
/// for the subcommands whose output is binary (`sign-string --format bin`) or read from a pipe.
struct HelperInvocation {
    var exitCode: Int32
    var output: [UInt8]
    var error: String

    var text: String { String(decoding: output, as: UTF8.self) }

    static func run(_ arguments: [String], input: [UInt8]? = nil,
                    environment: [String: String] = [:]) throws -> HelperInvocation {
        let process = Process()
        process.executableURL = HelperBinaryTests.binary
        process.arguments = arguments
        process.environment = ["PATH": "/usr/bin:/bin"].merging(environment) { $1 }
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        let standardInput = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : standardInput
        try process.run()
        if let input {
            // A child that exits without reading must not kill the test process with SIGPIPE.
            _ = signal(SIGPIPE, SIG_IGN)
            try? standardInput.fileHandleForWriting.write(contentsOf: Data(input))
            try? standardInput.fileHandleForWriting.close()
        }
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return HelperInvocation(exitCode: process.terminationStatus, output: [UInt8](out),
                                error: String(decoding: err, as: UTF8.self))
    }
}
