import Testing
@testable import RAPolicy

@Suite("JSON parser")
struct JSONParserTests {
    private func parse(_ text: String) throws(JSONParser.SyntaxError) -> JSONValue {
        try JSONParser.parse(Array(text.utf8))
    }

    @Test func parsesAllValueKindsKeepingNumberLiteralsAndMemberOrder() throws {
        let value = try parse(#" {"b": [1.50, -2e3, 0], "a": true, "c": null, "d": "x\"\u00e9\ud83d\ude00\n"} "#)
        #expect(value == .object([
            JSONMember(key: "b", value: .array([.number("1.50"), .number("-2e3"), .number("0")])),
            JSONMember(key: "a", value: .bool(true)),
            JSONMember(key: "c", value: .null),
            JSONMember(key: "d", value: .string("x\"é😀\n")),
        ]))
    }

    static let invalid: [(String, String)] = [
        ("{\"a\": 01}", "expected ',' or '}' at line 1, column 8"),
        ("{\"a\": .5}", "unexpected character at line 1, column 7"),
        ("{\"a\": 1,}", "expected a member name at line 1, column 9"),
        ("[1 2]", "expected ',' or ']' at line 1, column 4"),
        ("\"abc", "unterminated string at line 1, column 5"),
        ("\"a\tb\"", "control character in string at line 1, column 3"),
        ("\"\\x\"", "invalid escape at line 1, column 2"),
        ("\"\\ud800\"", "unpaired surrogate at line 1, column 2"),
        ("tru", "invalid literal at line 1, column 1"),
        ("{\"a\": 1, \"a\": 2}", "duplicate member \"a\" at line 1, column 10"),
        ("", "unexpected end of document at line 1, column 1"),
        ("{} {}", "unexpected content after the document at line 1, column 4"),
        (String(repeating: "[", count: 40), "nesting deeper than 32 levels at line 1, column 33"),
    ]

    @Test(arguments: invalid)
    func rejectsInvalidJSONWithPosition(_ text: String, _ expected: String) {
        #expect(throws: JSONParser.SyntaxError.self) { try parse(text) }
        do {
            _ = try parse(text)
        } catch {
            #expect(error.description == expected)
        }
    }
}
