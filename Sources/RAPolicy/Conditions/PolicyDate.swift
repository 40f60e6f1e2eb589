/// Date parsing and formatting for the `Date*` operators, in seconds since the Unix epoch.
///
/// IAM accepts ISO 8601 (`2024-05-01`, `2024-05-01T12:00:00Z`, with fractions or offsets) and
/// epoch seconds. This is hand-written because Foundation's `ISO8601DateFormatter` is neither
/// `Sendable` nor lenient about the date-only form, and the calendar arithmetic is small.
enum PolicyDate {
    /// Seconds since 1970-01-01T00:00:00Z, or nil when `text` is neither ISO 8601 nor epoch seconds.
    static func parse(_ text: String) -> Double? {
        if let epoch = parseEpoch(text) { return epoch }
        return parseISO8601(Array(text.utf8))
    }

    /// `yyyy-MM-ddTHH:mm:ssZ`, whole seconds, UTC; what string operators see for a `.date` value.
    static func iso8601(_ seconds: Double) -> String {
        let whole = Int64(seconds.rounded(.down))
        let days = whole >= 0 ? whole / 86_400 : (whole - 86_399) / 86_400
        let secondOfDay = whole - days * 86_400
        let (year, month, day) = civil(fromDays: days)
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(secondOfDay / 3600, 2)):"
            + "\(pad(secondOfDay / 60 % 60, 2)):\(pad(secondOfDay % 60, 2))Z"
    }

    // MARK: - Parsing

    private static func parseEpoch(_ text: String) -> Double? {
        var body = Substring(text)
        if body.first == "-" { body = body.dropFirst() }
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              body.filter({ $0 == "." }).count <= 1, body.first != ".", body.last != "." else { return nil }
        return Double(text)
    }

    private static func parseISO8601(_ bytes: [UInt8]) -> Double? {
        var reader = DigitReader(bytes: bytes)
        guard let year = reader.number(digits: 4), reader.take("-"),
              let month = reader.number(digits: 2), reader.take("-"),
              let day = reader.number(digits: 2),
              (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day) else { return nil }
        var seconds = Double(days(fromYear: year, month: month, day: day) * 86_400)
        if reader.isAtEnd { return seconds }
        guard reader.take("T") || reader.take("t"),
              let hour = reader.number(digits: 2), reader.take(":"),
              let minute = reader.number(digits: 2), hour < 24, minute < 60 else { return nil }
        seconds += Double(hour * 3600 + minute * 60)
        if reader.take(":") {
            guard let second = reader.number(digits: 2), second <= 60 else { return nil }
            seconds += Double(second)
            if reader.take(".") || reader.take(",") {
                guard let fraction = reader.fraction() else { return nil }
                seconds += fraction
            }
        }
        if reader.isAtEnd || reader.take("Z") || reader.take("z") {
            return reader.isAtEnd ? seconds : nil
        }
        let sign: Double
        if reader.take("+") {
            sign = 1
        } else if reader.take("-") {
            sign = -1
        } else {
            return nil
        }
        guard let offsetHours = reader.number(digits: 2), offsetHours < 24 else { return nil }
        var offsetMinutes = 0
        if !reader.isAtEnd {
            _ = reader.take(":")
            guard let minutes = reader.number(digits: 2), minutes < 60 else { return nil }
            offsetMinutes = minutes
        }
        guard reader.isAtEnd else { return nil }
        return seconds - sign * Double(offsetHours * 3600 + offsetMinutes * 60)
    }

    /// Reads fixed-width ASCII numbers and separators from a byte buffer.
    private struct DigitReader {
        let bytes: [UInt8]
        var index = 0

        var isAtEnd: Bool { index == bytes.count }

        mutating func take(_ character: Unicode.Scalar) -> Bool {
            guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
            index += 1
            return true
        }

        mutating func number(digits: Int) -> Int? {
            guard index + digits <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[index..<(index + digits)] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            index += digits
            return value
        }

        mutating func fraction() -> Double? {
            var value = 0.0
            var scale = 0.1
            let start = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
                value += Double(bytes[index] - UInt8(ascii: "0")) * scale
                scale /= 10
                index += 1
            }
            return index > start ? value : nil
        }
    }

    // MARK: - Proleptic Gregorian calendar arithmetic

    private static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01, counting years from March so February's length only affects the end.
    static func days(fromYear year: Int, month: Int, day: Int) -> Int64 {
        let shiftedYear = Int64(month <= 2 ? year - 1 : year)
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let monthFromMarch = Int64((month + 9) % 12)
        let dayOfYear = (153 * monthFromMarch + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The inverse of `days(fromYear:month:day:)`.
    static func civil(fromDays days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
