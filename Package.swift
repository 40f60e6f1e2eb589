// swift-tools-version:6.0
// The package is laid out in layers; dependencies point down only (see README "Architecture").
import PackageDescription

let strict: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]

let package = Package(
    name: "rolesanywhere",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "rolesanywhere", targets: ["rolesanywhere"]),
        .executable(name: "aws_signing_helper", targets: ["aws_signing_helper"]),
        /// Swift programs link this to obtain credentials from a certificate without a subprocess.
        .library(name: "RAHelperKit", targets: ["RAHelperKit"]),
    ],
    targets: [
        // C boundaries: one system library each, wrapped by exactly one Swift target.
        .systemLibrary(name: "COpenSSL", pkgConfig: "openssl", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CMicroHTTPD", pkgConfig: "libmicrohttpd", providers: [.apt(["libmicrohttpd-dev"])]),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),

        // Adapters: the only Swift code that touches a C library.
        .target(name: "RACrypto", dependencies: ["COpenSSL"], swiftSettings: strict),
        .target(name: "RAStoreSQLite", dependencies: ["CSQLite", "RACore"], swiftSettings: strict),
        .target(name: "RAHTTPServer", dependencies: ["CMicroHTTPD", "RAHTTP"], swiftSettings: strict),
        .target(name: "RAHTTPClient", dependencies: ["CCurl"], swiftSettings: strict),
        .target(name: "RAYAML", dependencies: ["CYAML"], swiftSettings: strict),

        // Pure layers.
        .target(name: "RAHTTP", swiftSettings: strict),
        .target(name: "RAPolicy", swiftSettings: strict),
        .target(name: "RAWire", dependencies: ["RACrypto"], swiftSettings: strict),
        .target(name: "RACore", dependencies: ["RACrypto", "RAWire", "RAPolicy"], swiftSettings: strict),

        // Application.
        .target(name: "RAServer", dependencies: ["RACore", "RAWire", "RAHTTP", "RAPolicy"], swiftSettings: strict),
        /// Obtaining credentials from an upstream STS (AssumeRole, AssumeRoleWithWebIdentity) and
        /// the server host's own AWS identity; the issuing step's second implementation.
        .target(name: "RAUpstream", dependencies: ["RACore", "RAWire", "RAHTTPClient", "RACrypto"], swiftSettings: strict),
        .target(name: "RACloudFormation", dependencies: ["RACore", "RAYAML", "RAPolicy"], swiftSettings: strict),
        .target(name: "RACommandLine", swiftSettings: strict),
        .target(name: "RAHelperKit", dependencies: ["RACrypto", "RAWire", "RAHTTPClient", "RAHTTP", "RAHTTPServer"],
                swiftSettings: strict),

        // Executables: configuration assembled here, and only here is the process exited.
        .executableTarget(name: "rolesanywhere",
                          dependencies: ["RAServer", "RAHTTPServer", "RAStoreSQLite", "RACloudFormation",
                                         "RACommandLine", "RACore", "RACrypto"],
                          swiftSettings: strict),
        .executableTarget(name: "aws_signing_helper",
                          dependencies: ["RAHelperKit", "RACommandLine"], swiftSettings: strict),

        // Tests.
        .target(name: "RATestSupport", dependencies: ["RACore", "RACrypto", "RAHTTP", "RAWire", "RAPolicy"], path: "Tests/RATestSupport",
                 swiftSettings: strict),
        .testTarget(name: "RACryptoTests", dependencies: ["RACrypto"], swiftSettings: strict),
        .testTarget(name: "RAPolicyTests", dependencies: ["RAPolicy"], swiftSettings: strict),
        .testTarget(name: "RAWireTests", dependencies: ["RAWire", "RACrypto"], exclude: ["make_vectors.py"], swiftSettings: strict),
        .testTarget(name: "RAHTTPTests", dependencies: ["RAHTTP", "RAHTTPServer", "RAHTTPClient"], swiftSettings: strict),
        .testTarget(name: "RAYAMLTests", dependencies: ["RAYAML", "RACloudFormation", "RATestSupport"], swiftSettings: strict),
        .testTarget(name: "RACoreTests", dependencies: ["RACore", "RATestSupport"], swiftSettings: strict),
        .testTarget(name: "RAStoreSQLiteTests", dependencies: ["RAStoreSQLite", "RATestSupport"], swiftSettings: strict),
        .testTarget(name: "RAServerTests", dependencies: ["RAServer", "RATestSupport"], swiftSettings: strict),
        .testTarget(name: "RAHelperKitTests", dependencies: ["RAHelperKit", "RACommandLine", "RATestSupport", "RAHTTPClient"],
                    swiftSettings: strict),
        .testTarget(name: "RAUpstreamTests", dependencies: ["RAUpstream", "RATestSupport", "RAHTTPServer"], swiftSettings: strict),
        .testTarget(name: "RAIntegrationTests", dependencies: ["RATestSupport", "RACrypto"], swiftSettings: strict),
    ]
)
