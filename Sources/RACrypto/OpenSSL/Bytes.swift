/// OpenSSL treats a NULL data pointer as "no input" in some one-shot functions and as an error in
/// others; handing it a real (if unused) address for empty input sidesteps both.
@inline(__always)
func withNonNullBytes<R>(_ bytes: [UInt8], _ body: (UnsafePointer<UInt8>, Int) throws -> R) rethrows -> R {
    if bytes.isEmpty {
        var zero: UInt8 = 0
        return try withUnsafePointer(to: &zero) { try body($0, 0) }
    }
    return try bytes.withUnsafeBufferPointer { buffer in
        // A non-empty array always has storage.
        guard let base = buffer.baseAddress else { preconditionFailure("non-empty array without storage") }
        return try body(base, buffer.count)
    }
}
