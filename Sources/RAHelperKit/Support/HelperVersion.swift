/// The version this build reports in `aws_signing_helper version` and in its `User-Agent`
/// (`CredHelper/<version> (swift; linux; <arch>)`), so server logs can tell our helper from the Go one.
public enum HelperVersion {
    public static let current = "0.1.0"

    /// `CredHelper/<version> (swift; <os>; <arch>)`, the official helper's format with `swift` in place
    /// of the Go version.
    public static var userAgent: String {
        "CredHelper/\(current) (swift; \(operatingSystem); \(architecture))"
    }

    /// Go's GOOS spelling.
    static var operatingSystem: String {
        #if os(Linux)
        "linux"
        #elseif os(macOS)
        "darwin"
        #elseif os(Windows)
        "windows"
        #else
        "unknown"
        #endif
    }

    /// Go's GOARCH spelling.
    static var architecture: String {
        #if arch(x86_64)
        "amd64"
        #elseif arch(arm64)
        "arm64"
        #elseif arch(i386)
        "386"
        #elseif arch(arm)
        "arm"
        #else
        "unknown"
        #endif
    }
}
