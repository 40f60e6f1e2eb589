import Foundation
import Synchronization

/// The IMDSv2 session tokens `serve` has handed out, with their expirations.
///
/// As in the official helper: a token is the first 100 characters of the standard base64 of 128
/// random bytes; at most 256 tokens are kept, and issuing one more evicts the one that expires
/// first. A token stays valid up to and including its expiration instant.
final class MetadataTokenStore: Sendable {
    static let capacity = 256
    static let tokenLength = 100

    private let tokens = Mutex<[String: Date]>([:])
    private let randomBytes: @Sendable (Int) -> [UInt8]

    /// - Parameter randomBytes: the system generator by default; tests pin it.
    init(randomBytes: @escaping @Sendable (Int) -> [UInt8] = MetadataTokenStore.systemRandomBytes) {
        self.randomBytes = randomBytes
    }

    /// A new token valid for `ttl` seconds from `now`; `evicted` tells whether the cap pushed
    /// another token out.
    func issue(ttl: Int, now: Date) -> (token: String, evicted: Bool) {
        let token = String(Data(randomBytes(128)).base64EncodedString().prefix(Self.tokenLength))
        let expiration = now.addingTimeInterval(TimeInterval(ttl))
        let evicted = tokens.withLock { tokens in
            var evicted = false
            if tokens.count >= Self.capacity, let earliest = tokens.min(by: { $0.value < $1.value }) {
                tokens.removeValue(forKey: earliest.key)
                evicted = true
            }
            tokens[token] = expiration
            return evicted
        }
        return (token, evicted)
    }

    /// Whole seconds the token has left (truncated, as Go's `int64(d.Seconds())`), or nil when it
    /// is unknown or expired.
    func remainingSeconds(of token: String, now: Date) -> Int? {
        guard let expiration = tokens.withLock({ $0[token] }), now <= expiration else { return nil }
        return Int(expiration.timeIntervalSince(now).rounded(.towardZero))
    }

    /// Forgets expired tokens; returns how many went.
    @discardableResult
    func removeExpired(now: Date) -> Int {
        tokens.withLock { tokens in
            let before = tokens.count
            tokens = tokens.filter { now <= $0.value }
            return before - tokens.count
        }
    }

    var count: Int { tokens.withLock { $0.count } }

    @Sendable static func systemRandomBytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }
}
