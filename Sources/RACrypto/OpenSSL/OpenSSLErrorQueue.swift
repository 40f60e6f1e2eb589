internal import COpenSSL

/// OpenSSL keeps a per-thread error queue. Draining it after every failure keeps a stale entry from
/// being blamed on a later, unrelated operation on the same thread.
enum OpenSSLErrorQueue {
    /// Empties the queue and returns the reason text of the most recent entry, if any.
    /// OpenSSL reason strings describe the failure class only; they never contain key bytes.
    @discardableResult
    static func drain() -> String? {
        var last: String?
        while true {
            let code = ERR_get_error()
            if code == 0 { break }
            if let reason = ERR_reason_error_string(code) {
                last = String(cString: reason)
            } else {
                last = "error \(code)"
            }
        }
        return last
    }

    /// Builds an `operationFailed` error for `what`, appending OpenSSL's reason when there is one.
    static func failure(_ what: String) -> CryptoError {
        if let reason = drain() {
            return .operationFailed("\(what) (\(reason))")
        }
        return .operationFailed(what)
    }

    /// Builds a `malformed` error for `what`, appending OpenSSL's reason when there is one.
    static func malformed(_ what: String) -> CryptoError {
        if let reason = drain() {
            return .malformed("\(what) (\(reason))")
        }
        return .malformed(what)
    }

    /// Builds an `unsupported` error for `what`, appending OpenSSL's reason when there is one.
    static func unsupported(_ what: String) -> CryptoError {
        if let reason = drain() {
            return .unsupported("\(what) (\(reason))")
        }
        return .unsupported(what)
    }
}
