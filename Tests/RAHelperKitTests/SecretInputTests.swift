import Foundation
import Testing
import RACrypto
@testable import RAHelperKit

/// `--certificate` / `--private-key` as `env:NAME` or `-` (standard input): the identity never has
/// to be written to disk, and the bytes never show up in printed values.
struct SecretInputTests {
    static let createSessionBody = #"{"credentialSet":[{"credentials":{"accessKeyId":"ASIAMEMORY","#
        + #""expiration":"2030-01-01T00:00:00Z","secretAccessKey":"s3cr3t","sessionToken":"tok"}}],"#
        + #""subjectArn":"arn:aws:rolesanywhere:eu-west-1:111122223333:subject/x"}"#
    static let expectedOutput = #"{"Version":1,"AccessKeyId":"ASIAMEMORY","SecretAccessKey":"s3cr3t","#
        + #""SessionToken":"tok","Expiration":"2030-01-01T00:00:00Z"}"#

    static func arguments(port: Int) -> [String] {
        ["credential-process",
         "--trust-anchor-arn", "arn:aws:rolesanywhere:eu-west-1:111122223333:trust-anchor/ta",
         "--profile-arn", "arn:aws:rolesanywhere:eu-west-1:111122223333:profile/p",
         "--role-arn", "arn:aws:iam::111122223333:role/r", "--endpoint", "http://127.0.0.1:\(port)"]
    }

    enum Delivery: String, CaseIterable, CustomTestStringConvertible {
        case keyOnStandardInput, certificateOnStandardInput, comboOnStandardInput, bothInEnvironment,
             base64InEnvironment, escapedNewlinesInEnvironment, pkcs12Base64InEnvironment, bundleInEnvironment
        var testDescription: String { rawValue }
    }

    @Test(arguments: Delivery.allCases)
    func credentialProcessReadsTheIdentityFromMemory(delivery: Delivery) throws {
        let pki = try TestIdentity()
        let keyPEM = try pki.leafKey.pkcs8PEM()
        let certificateFile = try pki.write("cert.pem", pki.leaf.pem)
        let keyFile = try pki.write("key.pem", keyPEM)
        var arguments: [String]
        var input: [UInt8] = []
        var environment: [String: String] = [:]
        var expectedChain: [Certificate] = []
        switch delivery {
        case .keyOnStandardInput:
            arguments = ["--certificate", certificateFile, "--private-key", "-"]
            input = Array(keyPEM.utf8)
        case .certificateOnStandardInput:
            arguments = ["--certificate", "-", "--private-key", keyFile]
            input = pki.leaf.der
        case .comboOnStandardInput:
            arguments = ["--certificate", "-"]
            input = Array((keyPEM + pki.leaf.pem).utf8)
        case .bothInEnvironment:
            arguments = ["--certificate", "env:RA_CERT", "--private-key", "env:RA_KEY"]
            environment = ["RA_CERT": pki.leaf.pem, "RA_KEY": keyPEM]
        case .base64InEnvironment:
            arguments = ["--certificate", "env:RA_CERT", "--private-key", "env:RA_KEY"]
            environment = ["RA_CERT": Data(pki.leaf.der).base64EncodedString(),
                           "RA_KEY": Data(try pki.leafKey.pkcs8DER()).base64EncodedString()]
        case .escapedNewlinesInEnvironment:
            arguments = ["--certificate", "env:RA_CERT", "--private-key", "env:RA_KEY"]
            environment = ["RA_CERT": pki.leaf.pem.replacingOccurrences(of: "\n", with: "\\n"),
                           "RA_KEY": keyPEM.replacingOccurrences(of: "\n", with: "\\n")]
        case .pkcs12Base64InEnvironment:
            let p12 = pki.path("id.p12")
            try OpenSSLCLI.run(["pkcs12", "-export", "-in", certificateFile, "-inkey", keyFile, "-out", p12,
                                "-passout", "pass:pw"])
            arguments = ["--certificate", "env:RA_P12", "--pkcs12-password", "pw"]
            environment = ["RA_P12": try Data(contentsOf: URL(fileURLWithPath: p12)).base64EncodedString()]
            expectedChain = [pki.leaf]
        case .bundleInEnvironment:
            arguments = ["--certificate", "env:RA_CERT", "--private-key", "env:RA_KEY"]
            environment = ["RA_CERT": pki.leaf.pem + pki.intermediate.pem, "RA_KEY": keyPEM]
            expectedChain = [pki.intermediate]
        }
        let server = try LoopbackResponder(status: 201, reason: "Created", headers: [("Content-Type", "application/json")],
                                           body: Self.createSessionBody)
        let run = try HelperInvocation.run(Self.arguments(port: server.port) + arguments, input: input,
                                           environment: environment)
        #expect(run.error == "")
        #expect(run.exitCode == 0)
        #expect(run.text == Self.expectedOutput)
        let request = try #require(server.request())
        #expect(request.header("X-Amz-X509") == Data(pki.leaf.der).base64EncodedString())
        #expect(request.header("X-Amz-X509-Chain") == (expectedChain.isEmpty ? nil
            : expectedChain.map { Data($0.der).base64EncodedString() }.joined(separator: ",")))
    }

    @Test(arguments: [
        (["--certificate", "env:RA_MISSING"], [String: String](), [UInt8]?.none,
         "failed to read certificate: environment variable RA_MISSING is not set\n"),
        (["--certificate", "env:RA_EMPTY"], ["RA_EMPTY": ""], nil,
         "failed to read certificate: environment variable RA_EMPTY is empty\n"),
        (["--certificate", "{cert}", "--private-key", "env:RA_KEY"], [:], nil,
         "failed to read private key: environment variable RA_KEY is not set\n"),
        (["--certificate", "{cert}", "--private-key", "-"], [:], [],
         "failed to read private key: standard input is empty\n"),
        (["--certificate", "{cert}", "--private-key", "env:RA_KEY"], ["RA_KEY": "not a key"], nil,
         "unable to parse private key\n"),
        (["--certificate", "-", "--private-key", "-"], [:], nil,
         "Error: --certificate and --private-key cannot both be - (standard input): give one of them as a file or "
            + "env:NAME, or put key and certificate in one PEM on standard input and leave out --private-key\n"),
    ])
    func unreadableSourcesAreReportedLikeMissingFiles(arguments: [String], environment: [String: String],
                                                      input: [UInt8]?, expected: String) throws {
        let pki = try TestIdentity()
        let certificate = try pki.write("cert.pem", pki.leaf.pem)
        let resolved = arguments.map { $0 == "{cert}" ? certificate : $0 }
        let run = try HelperInvocation.run(Self.arguments(port: 9) + resolved, input: input ?? [],
                                           environment: environment)
        #expect(run.exitCode == 1)
        #expect(run.output == [])
        #expect(run.error == expected)
    }

    /// A file literally named `-` or `env:…` stays reachable through `./`.
    @Test func realFilesWithReservedNamesUseADotSlash() throws {
        let pki = try TestIdentity()
        try pki.write("-", pki.leaf.pem)
        try pki.write("env:CERT", pki.leaf.pem)
        for name in ["./-", "./env:CERT"] {
            let process = Process()
            process.executableURL = HelperBinaryTests.binary
            process.arguments = ["read-certificate-data", "--certificate", name]
            process.currentDirectoryURL = pki.directory
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(name)")
            #expect(String(decoding: data, as: UTF8.self).contains(Data(pki.leaf.der).base64EncodedString()), "\(name)")
        }
    }

    @Test func printedValuesNeverShowTheBytes() throws {
        let secret = Array("-----BEGIN PRIVATE KEY-----\nTOPSECRET\n-----END PRIVATE KEY-----\n".utf8)
        let source = InMemorySource(origin: "environment variable KEY", bytes: secret)
        let configuration = CredentialsConfiguration(certificate: .inMemory(source), privateKey: .inMemory(source),
                                                     trustAnchorArn: "", profileArn: "", roleArn: "")
        var dumped = ""
        dump(configuration, to: &dumped)
        for text in [String(describing: configuration), String(reflecting: configuration), dumped, "\(source)"] {
            #expect(!text.contains("TOPSECRET"))
            #expect(!text.contains("45, 45, 45"), "no byte arrays either")
        }
        #expect(source.description == "environment variable KEY (\(secret.count) bytes)")
        #expect(try source.bytes() == secret)
        let unavailable = InMemorySource.unavailable(origin: "standard input", reason: "standard input is empty")
        #expect(throws: HelperError(.identity, "standard input is empty")) { try unavailable.bytes() }
    }
}
