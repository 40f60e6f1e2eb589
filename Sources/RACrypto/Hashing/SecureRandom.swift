internal import COpenSSL

/// Serial numbers, nonces, session tokens and secrets all need unpredictable bytes from the
/// operating system's CSPRNG as seeded into OpenSSL.
public enum SecureRandom {
    /// `count` cryptographically secure random bytes.
    public static func bytes(_ count: Int) -> [UInt8] {
        guard count > 0 else { return [] }
        var out = [UInt8](repeating: 0, count: count)
        let ok = out.withUnsafeMutableBytes { RAND_bytes($0.baseAddress?.assumingMemoryBound(to: UInt8.self), Int32($0.count)) }
        // Continuing with predictable bytes would be worse than stopping.
        guard ok == 1 else { fatalError("OpenSSL RAND_bytes failed: \(OpenSSLErrorQueue.drain() ?? "unknown")") }
        return out
    }
}
