import Foundation
import Testing
@testable import RAWire

/// X-Amz-Date and RFC 3339, computed without DateFormatter.
struct TimestampTests {
    @Test("formatting", arguments: [
        (1_720_265_939.0, "20240706T113859Z", "2024-07-06T11:38:59Z"),
        (1_720_265_939.999, "20240706T113859Z", "2024-07-06T11:38:59Z"),
        (0.0, "19700101T000000Z", "1970-01-01T00:00:00Z"),
        (-1.0, "19691231T235959Z", "1969-12-31T23:59:59Z"),
        (951_782_400.0, "20000229T000000Z", "2000-02-29T00:00:00Z"),
        (4_107_542_399.0, "21000228T235959Z", "2100-02-28T23:59:59Z"),
        (4_107_542_400.0, "21000301T000000Z", "2100-03-01T00:00:00Z"),
        (253_402_300_799.0, "99991231T235959Z", "9999-12-31T23:59:59Z"),
    ])
    func formatting(seconds: Double, amz: String, rfc: String) {
        let date = Date(timeIntervalSince1970: seconds)
        #expect(AmzDate.format(date) == amz)
        #expect(RFC3339.format(date) == rfc)
        #expect(AmzDate.dateStamp(date) == String(amz.prefix(8)))
    }

    @Test func amzDateParses() throws {
        #expect(try AmzDate.parse("20240706T113859Z") == Fixture.signingDate)
        #expect(try AmzDate.parse("20000229T000000Z") == Date(timeIntervalSince1970: 951_782_400))
    }

    @Test("malformed X-Amz-Date", arguments: [
        "", "20240706T113859", "20240706 113859Z", "2024-07-06T11:38:59Z", "20240230T000000Z", "20240706T240000Z",
        "20240706T116000Z", "2024070ET113859Z", "20240706T113859ZZ", "20240706t113859Z",
    ])
    func amzDateRejects(text: String) {
        #expect(throws: WireError.incompleteSignature("Date must be in ISO-8601 'basic format' (yyyyMMdd'T'HHmmss'Z').")) {
            try AmzDate.parse(text)
        }
    }

    @Test("RFC 3339 parsing", arguments: [
        ("2024-07-06T11:38:59Z", 1_720_265_939.0),
        ("2024-07-06t11:38:59z", 1_720_265_939.0),
        ("2024-07-06T11:38:59.5Z", 1_720_265_939.5),
        ("2024-07-06T13:38:59+02:00", 1_720_265_939.0),
        ("2024-07-06T06:08:59-05:30", 1_720_265_939.0),
        ("2022-07-27T04:36:55Z", 1_658_896_615.0),
    ])
    func rfc3339Parses(text: String, seconds: Double) throws {
        #expect(try RFC3339.parse(text).timeIntervalSince1970 == seconds)
    }

    @Test("malformed RFC 3339", arguments: [
        "", "2024-07-06", "2024-07-06T11:38:59", "2024-07-06 11:38:59Z", "2024-07-06T11:38:59.Z",
        "2024-07-06T11:38:59+0200", "2024-13-06T11:38:59Z", "2024-07-06T11:38:59+24:00", "20240706T113859Z",
    ])
    func rfc3339Rejects(text: String) {
        #expect(throws: WireError.validation("Timestamp must be RFC 3339, e.g. 2024-07-06T11:38:59Z.")) {
            try RFC3339.parse(text)
        }
    }
}
