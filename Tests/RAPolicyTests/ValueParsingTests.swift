import Testing
@testable import RAPolicy

@Suite("Dates, addresses and wildcards")
struct ValueParsingTests {
    static let dates: [(String, Double?)] = [
        ("2024-05-01", 1_714_521_600),
        ("2024-05-01T00:00:00Z", 1_714_521_600),
        ("2024-05-01T00:00Z", 1_714_521_600),
        ("2024-05-01T02:00:00+02:00", 1_714_521_600),
        ("2024-04-30T19:00:00-0500", 1_714_521_600),
        ("2024-05-01T00:00:00.250Z", 1_714_521_600.25),
        ("2000-02-29T12:30:15Z", 951_827_415),
        ("1969-12-31T23:59:59Z", -1),
        ("2100-03-01", 4_107_542_400),
        ("1714521600", 1_714_521_600),
        ("-1.5", -1.5),
        ("2023-02-29", nil),
        ("2024-13-01", nil),
        ("2024-05-01T24:00:00Z", nil),
        ("2024-05-01 00:00:00", nil),
        ("yesterday", nil),
    ]

    @Test(arguments: dates)
    func parsesISO8601AndEpochSeconds(_ text: String, _ expected: Double?) {
        #expect(PolicyDate.parse(text) == expected)
    }

    @Test func formatsDatesAsISO8601() {
        #expect(PolicyDate.iso8601(1_714_521_600) == "2024-05-01T00:00:00Z")
        #expect(PolicyDate.iso8601(951_827_415.9) == "2000-02-29T12:30:15Z")
        #expect(PolicyDate.iso8601(-1) == "1969-12-31T23:59:59Z")
    }

    static let ranges: [(String, String, Bool)] = [
        ("192.0.2.0/24", "192.0.2.255", true),
        ("192.0.2.0/24", "192.0.3.0", false),
        ("192.0.2.128/25", "192.0.2.127", false),
        ("0.0.0.0/0", "8.8.8.8", true),
        ("10.1.2.3/8", "10.200.0.1", true),
        ("2001:db8::/48", "2001:db8:0:ffff::1", true),
        ("2001:db8::/48", "2001:db8:1::1", false),
        ("::1", "0:0:0:0:0:0:0:1", true),
        ("::ffff:0:0/96", "192.0.2.1", true),
        ("2001:db8::1.2.3.4", "2001:db8::102:304", true),
        ("192.0.2.0/24", "192.0.2.01", false),
        ("192.0.2.0/24", "2001:db8::1", false),
    ]

    @Test(arguments: ranges)
    func cidrContainment(_ cidr: String, _ address: String, _ inside: Bool) throws {
        let range = try #require(IPAddressRange(cidr))
        #expect(range.contains(address) == inside)
    }

    @Test(arguments: ["192.0.2.0/33", "2001:db8::/129", "1.2.3", "1:2:3:4:5:6:7:8:9", "1::2::3", "fe80::1%eth0",
                      "256.0.0.1", "192.0.2.0/", ""])
    func rejectsInvalidRanges(_ text: String) {
        #expect(IPAddressRange(text) == nil)
    }

    static let globs: [(String, String, Bool)] = [
        ("", "", true),
        ("", "a", false),
        ("*", "", true),
        ("a*b*c", "aXbYbZc", true),
        ("a*b*c", "aXbYbZ", false),
        ("*ab", "aab", true),
        ("a?c", "abc", true),
        ("a?c", "ac", false),
        ("**", "anything", true),
        ("é*", "éclair", true),
    ]

    @Test(arguments: globs)
    func wildcardMatching(_ pattern: String, _ value: String, _ matches: Bool) {
        #expect(WildcardPattern(glob: pattern, ignoringCase: false).matches(value) == matches)
    }
}
