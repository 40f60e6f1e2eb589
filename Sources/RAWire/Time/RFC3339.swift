import Foundation

/// RFC 3339 timestamps as AWS writes credential expirations: `yyyy-MM-dd'T'HH:mm:ss'Z'`.
///
/// The helper copies `expiration` verbatim into `credential_process` output and SDKs parse it,
/// so the server writes whole seconds in UTC with `Z`, exactly like the real service.
public enum RFC3339 {
    /// `date` in UTC with whole seconds (fraction dropped) and a `Z` suffix.
    public static func format(_ date: Date) -> String {
        let civil = CivilDateTime(date)
        return civil.year.zeroPadded(4) + "-" + civil.month.zeroPadded(2) + "-" + civil.day.zeroPadded(2) + "T"
            + civil.hour.zeroPadded(2) + ":" + civil.minute.zeroPadded(2) + ":" + civil.second.zeroPadded(2) + "Z"
    }

    /// Parses what Go's `time.RFC3339` accepts: optional fractional seconds, `Z` or a `±hh:mm`
    /// offset (`T`/`Z` in either case), so a helper can read expirations from any server.
    /// - Throws: `ValidationException` naming the expected format.
    public static func parse(_ text: String) throws(WireError) -> Date {
        let scanner = DigitScanner(text)
        let bytes = scanner.bytes
        guard bytes.count >= 20, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t"),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
              let year = scanner.number(at: 0, count: 4), let month = scanner.number(at: 5, count: 2),
              let day = scanner.number(at: 8, count: 2), let hour = scanner.number(at: 11, count: 2),
              let minute = scanner.number(at: 14, count: 2), let second = scanner.number(at: 17, count: 2),
              let civil = CivilDateTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        else { throw invalid() }
        var offset = 19
        var fraction = 0.0
        if bytes[offset] == UInt8(ascii: ".") {
            var scale = 0.1
            offset += 1
            let start = offset
            while offset < bytes.count, let digit = scanner.number(at: offset, count: 1) {
                fraction += Double(digit) * scale
                scale /= 10
                offset += 1
            }
            guard offset > start else { throw invalid() }
        }
        let zoneSeconds = try zoneOffset(scanner, at: offset)
        return civil.date.addingTimeInterval(fraction - TimeInterval(zoneSeconds))
    }

    private static func zoneOffset(_ scanner: DigitScanner, at offset: Int) throws(WireError) -> Int {
        let bytes = scanner.bytes
        if offset == bytes.count - 1, bytes[offset] == UInt8(ascii: "Z") || bytes[offset] == UInt8(ascii: "z") {
            return 0
        }
        guard offset + 6 == bytes.count, bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-"),
              bytes[offset + 3] == UInt8(ascii: ":"),
              let hours = scanner.number(at: offset + 1, count: 2),
              let minutes = scanner.number(at: offset + 4, count: 2),
              hours < 24, minutes < 60 else { throw invalid() }
        let seconds = hours * 3600 + minutes * 60
        return bytes[offset] == UInt8(ascii: "-") ? -seconds : seconds
    }

    private static func invalid() -> WireError {
        .validation("Timestamp must be RFC 3339, e.g. 2024-07-06T11:38:59Z.")
    }
}
