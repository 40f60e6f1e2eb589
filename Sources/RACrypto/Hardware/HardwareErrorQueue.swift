import Foundation
internal import COpenSSL

/// Reads OpenSSL's error queue with the detail hardware failures need: which library raised the
/// entry (the PKCS#11 engine reports `CK_RV` values as reasons of its "PKCS#11 module" library) and
/// the free-text data (the TPM provider puts the TSS return code there).
enum HardwareErrorQueue {
    struct Entry {
        var library: String
        var reasonCode: Int32
        var reason: String
        var data: String
    }

    /// Empties the queue and returns its entries, oldest first.
    static func drain() -> [Entry] {
        var entries: [Entry] = []
        while true {
            var data: UnsafePointer<CChar>?
            var flags: Int32 = 0
            let code = ra_ERR_get_error_data(&data, &flags)
            if code == 0 { break }
            let library = ERR_lib_error_string(code).map { String(cString: $0) } ?? ""
            // System errors carry an errno as their reason, which has no OpenSSL reason string.
            let reason = ra_ERR_SYSTEM_ERROR(code) != 0
                ? String(cString: strerror(ERR_GET_REASON(code)))
                : ERR_reason_error_string(code).map { String(cString: $0) } ?? "error \(code)"
            let text = (flags & ra_ERR_TXT_STRING()) != 0 ? data.map { String(cString: $0) } ?? "" : ""
            entries.append(Entry(library: library, reasonCode: ERR_GET_REASON(code), reason: reason, data: text))
        }
        return entries
    }

    /// The most specific reason text among `entries`, for messages.
    static func summary(_ entries: [Entry]) -> String {
        guard let first = entries.first else { return "no reason given" }
        return first.data.isEmpty ? first.reason : "\(first.reason): \(first.data)"
    }
}
