import Foundation

/// The SigV4 timestamp, `yyyyMMdd'T'HHmmss'Z'` in UTC (`X-Amz-Date`), and its `yyyyMMdd` date stamp.
public enum AmzDate {
    /// `date` as `X-Amz-Date` text; fractional seconds are dropped.
    public static func format(_ date: Date) -> String {
        let civil = CivilDateTime(date)
        return dateStamp(civil) + "T" + civil.hour.zeroPadded(2) + civil.minute.zeroPadded(2)
            + civil.second.zeroPadded(2) + "Z"
    }

    /// The `yyyyMMdd` date stamp that starts the credential scope.
    public static func dateStamp(_ date: Date) -> String {
        dateStamp(CivilDateTime(date))
    }

    /// Parses exactly 16 characters of basic-format UTC time.
    /// - Throws: `IncompleteSignatureException` when the text is not such a timestamp.
    public static func parse(_ text: String) throws(WireError) -> Date {
        let scanner = DigitScanner(text)
        guard scanner.bytes.count == 16,
              scanner.byte(at: 8) == UInt8(ascii: "T"), scanner.byte(at: 15) == UInt8(ascii: "Z"),
              let year = scanner.number(at: 0, count: 4), let month = scanner.number(at: 4, count: 2),
              let day = scanner.number(at: 6, count: 2), let hour = scanner.number(at: 9, count: 2),
              let minute = scanner.number(at: 11, count: 2), let second = scanner.number(at: 13, count: 2),
              let civil = CivilDateTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        else {
            throw .incompleteSignature("Date must be in ISO-8601 'basic format' (yyyyMMdd'T'HHmmss'Z').")
        }
        return civil.date
    }

    /// True when `text` is eight digits forming a real calendar date.
    static func isDateStamp(_ text: String) -> Bool {
        let scanner = DigitScanner(text)
        guard scanner.bytes.count == 8, let year = scanner.number(at: 0, count: 4),
              let month = scanner.number(at: 4, count: 2), let day = scanner.number(at: 6, count: 2)
        else { return false }
        return CivilDateTime(year: year, month: month, day: day, hour: 0, minute: 0, second: 0) != nil
    }

    private static func dateStamp(_ civil: CivilDateTime) -> String {
        civil.year.zeroPadded(4) + civil.month.zeroPadded(2) + civil.day.zeroPadded(2)
    }
}
